package org.mifid.workbench.kind.mifid;

import java.util.ArrayList;
import java.util.List;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.Competition;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.CompetitionSetup;
import org.mifid.workbench.kind.ItemDisplay;
import org.mifid.workbench.kind.KindSubmission;
import org.mifid.workbench.kind.ScoreColumn;
import org.mifid.workbench.scoring.ImageSetRegistration;
import org.mifid.workbench.scoring.ScoringRequest;
import org.mifid.workbench.scoring.SubmissionScoring;
import org.mifid.workbench.store.StoredNeighbours;
import org.mifid.workbench.store.Workspace;

/**
 * The 2019 Kaggle "Generative Dog Images" kind: a submission is an archive of generated images, scored by MiFID
 * (FID divided by the thresholded memorization distance) with each board's network, training set and threshold;
 * its evidence is each generated image's nearest training images. Wraps the engine, features and scoring
 * packages unchanged, so MiFID figures are those of the conformance tests.
 */
public final class MifidKind implements CompetitionKind {
    public static final String ID = Competition.MIFID;
    /** Nearest training images kept per generated image, as the score command's default. */
    private static final int NEIGHBOURS_PER_IMAGE = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "MiFID (Generative Dog Images, 2019)";
    }

    @Override
    public String submissionFormat() {
        return "a zip or folder of generated PNG images";
    }

    @Override
    public List<ScoreColumn> columns() {
        return List.of(new ScoreColumn("mifid", "MiFID", 4), new ScoreColumn("fid", "FID", 4),
                new ScoreColumn("distance", "distance", 6));
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public String evidenceDescription() {
        return "each generated image's nearest training image and its cosine distance";
    }

    @Override
    public ItemDisplay itemDisplay() {
        return ItemDisplay.IMAGE;
    }

    @Override
    public boolean tunesThreshold() {
        return true;
    }

    /**
     * A MiFID competition's truth is its training images, registered on both boards (the 2019 boards differed by
     * network, not by training set), with the held-out real images C_T compares with when given.
     */
    @Override
    public void create(Workspace workspace, CompetitionSetup setup, ProgressMonitor monitor) {
        if (setup.truth() != null) {
            throw new InvalidInputException("--truth", "a MiFID competition scores against its training images;"
                    + " give them with --train instead of --truth");
        }
        if (setup.heldOut() != null && setup.train() == null) {
            throw new InvalidInputException("--held-out", "needs the training images too (--train)");
        }
        workspace.defineCompetition(ID, Double.NaN, 0, null);
        List<LeaderboardPreset> boards = List.of(LeaderboardPreset.values());
        ImageSetRegistration sets = new ImageSetRegistration(workspace);
        if (setup.train() != null) {
            sets.training(name(setup.train(), "training"), setup.train(), boards, monitor);
        }
        if (setup.heldOut() != null) {
            sets.heldOut(name(setup.heldOut(), "held out"), setup.heldOut(), boards, monitor);
        }
    }

    private static String name(java.nio.file.Path location, String role) {
        java.nio.file.Path file = location.toAbsolutePath().normalize().getFileName();
        return (file == null ? location.toString() : file.toString()) + " (" + role + ")";
    }

    @Override
    public long score(Workspace workspace, KindSubmission submission, List<Board> boards, ProgressMonitor monitor) {
        if (boards.isEmpty()) {
            throw new IllegalArgumentException("no board to score on");
        }
        try (SubmissionScoring scoring = new SubmissionScoring(workspace)) {
            LeaderboardPreset first = LeaderboardPreset.of(boards.get(0));
            long id = scoring.score(new ScoringRequest(submission.file(), submission.team(), submission.externalId(),
                    first, workspace.leaderboardExtractor(first), "auto", NEIGHBOURS_PER_IMAGE, "kaggle-dogs"),
                    submission.label(), monitor).submissionId();
            Submission stored = workspace.submission(id).orElseThrow();
            for (Board other : boards.subList(1, boards.size())) {
                scoring.scoreOnLeaderboard(stored, LeaderboardPreset.of(other), "auto", NEIGHBOURS_PER_IMAGE, monitor);
            }
            return id;
        }
    }

    @Override
    public List<ItemEvidence> evidence(Workspace workspace, long submissionId, Board board) {
        StoredNeighbours stored = workspace.neighbours(submissionId, LeaderboardPreset.of(board)).orElseThrow(() ->
                new InvalidInputException("submission " + submissionId, "has no neighbours on the " + board.id()
                        + " leaderboard (imported results keep none)"));
        List<String> reference = stored.referenceSetId() > 0
                ? workspace.referenceImageNames(stored.referenceSetId()) : List.of();
        Neighbours n = stored.neighbours();
        List<ItemEvidence> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            String name = i < stored.imageNames().size() ? stored.imageNames().get(i) : "image " + i;
            int nearest = n.index(i, 0);
            String match = nearest < reference.size() ? reference.get(nearest) : "training image " + nearest;
            out.add(new ItemEvidence(name, n.nearest(i), "nearest: " + match));
        }
        return out;
    }
}
