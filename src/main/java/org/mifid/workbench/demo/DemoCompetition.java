package org.mifid.workbench.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.imaging.ValidationProfile;
import org.mifid.workbench.scoring.ImageSetRegistration;
import org.mifid.workbench.scoring.ScoringRequest;
import org.mifid.workbench.scoring.SubmissionScoring;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.ThresholdChange;
import org.mifid.workbench.store.Workspace;

/**
 * The demo competition the workbench opens on a fresh machine: emoji instead of dogs, the nsfwjs networks
 * instead of the competition's, and fourteen teams whose nature is known. Built once (files, features, scores)
 * into {@code <data>/demo}; the workspace appears there only when complete, so an interrupted build is simply
 * redone.
 */
public final class DemoCompetition {
    /** Public leaderboard network: fast enough to score the demo in seconds. */
    public static final String PUBLIC_EXTRACTOR = "nsfwjs-mobilenet-v2";
    /** Private leaderboard network: another architecture, as the 2019 private board used another network. */
    public static final String PRIVATE_EXTRACTOR = "nsfwjs-inception-v3";
    static final int TRAIN_SIZE = 320;
    static final int IMAGES_PER_SUBMISSION = 48;
    static final long SEED = 2019;
    /** Neighbours kept per image: what the inspector shows beside each generated image. */
    private static final int K = 5;
    private static final String NAME = "Demo: Generative Emoji (ground truth known)";

    private final Path root;
    private final int trainSize;
    private final int imagesPerSubmission;

    public DemoCompetition(Path root) {
        this(root, TRAIN_SIZE, IMAGES_PER_SUBMISSION);
    }

    /** A demo of another size (tests build a small one). */
    DemoCompetition(Path root, int trainSize, int imagesPerSubmission) {
        this.root = root;
        this.trainSize = trainSize;
        this.imagesPerSubmission = imagesPerSubmission;
    }

    public static DemoCompetition standard() {
        return new DemoCompetition(AppPaths.dataDir().resolve("demo"));
    }

    public Path workspaceFile() {
        return root.resolve("demo.db");
    }

    public boolean exists() {
        return Files.isRegularFile(workspaceFile());
    }

    /** The teams with their ground truth, in roster order. */
    public static List<Entry> roster() {
        return DemoTeam.roster().stream().map(t -> new Entry(t.team(), t.label(), t.description(), t.memorizer()))
                .toList();
    }

    /** A team's ground truth as the demo printout shows it. */
    public record Entry(String team, String label, String description, boolean memorizer) {
    }

    /** Opens the demo workspace, building it first if it is not there. */
    public Workspace open(ProgressMonitor monitor) {
        if (!exists()) {
            build(monitor);
        }
        return Workspace.open(workspaceFile());
    }

    /** Builds the whole demo, both leaderboards scored (what the command line's {@code demo} does). */
    public void build(ProgressMonitor monitor) {
        buildPublic(monitor);
        finishPrivate(monitor);
    }

    /**
     * Builds the demo from scratch into a staging folder with its public leaderboard scored and its threshold set,
     * then moves the workspace into place. The workbench opens it at this point, about a third of the way into
     * the whole build, and scores the private leaderboard in the background ({@link #finishPrivate}).
     */
    public void buildPublic(ProgressMonitor monitor) {
        try {
            Files.createDirectories(root);
            Path files = root.resolve("files");
            deleteRecursively(files);
            EmojiCatalog catalog = EmojiCatalog.load(AppPaths.assetsDir());
            DemoGenerator generator = new DemoGenerator(catalog, trainSize, imagesPerSubmission, SEED);
            DemoGenerator.Split split = generator.split();
            Path train = files.resolve("train");
            generator.writeTrainingSet(split, train, monitor);
            Path heldOut = files.resolve("held-out");
            generator.writeHeldOutSet(split, heldOut, monitor);
            List<DemoTeam> teams = DemoTeam.roster();
            for (int i = 0; i < teams.size(); i++) {
                monitor.checkCancelled();
                generator.writeSubmission(split, teams.get(i), i, files.resolve("submissions")
                        .resolve(teams.get(i).slug() + ".zip"));
                monitor.update(i + 1, teams.size(), "Writing the demo submissions");
            }
            Path staging = root.resolve("demo.db.building");
            Files.deleteIfExists(staging);
            try (Workspace ws = Workspace.open(staging)) {
                populate(ws, train, heldOut, files.resolve("submissions"), teams, monitor);
            }
            Files.move(staging, workspaceFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the private leaderboard still lacks demo submissions: a first start, or one stopped midway. */
    public boolean privatePending() {
        if (!exists()) {
            return false;
        }
        try (Workspace ws = Workspace.openReadOnly(workspaceFile())) {
            return ws.leaderboardRows(LeaderboardPreset.PRIVATE).size() < ws.submissions().size();
        }
    }

    /**
     * Scores the demo submissions the private leaderboard lacks, one at a time, so a stop keeps what is done and the
     * next start goes on from there; then sets the private threshold. Its own connection: the workbench reads the
     * workspace meanwhile and reloads it when this ends.
     *
     * @return how many submissions it scored: 0 when the private leaderboard was complete (nothing is written)
     */
    public int finishPrivate(ProgressMonitor monitor) {
        LeaderboardPreset board = LeaderboardPreset.PRIVATE;
        try (Workspace ws = Workspace.open(workspaceFile()); SubmissionScoring scoring = new SubmissionScoring(ws)) {
            Set<Long> scored = new HashSet<>();
            ws.leaderboardRows(board).forEach(r -> scored.add(r.submission().id()));
            List<DemoTeam> teams = DemoTeam.roster();
            int scoredNow = 0;
            for (int i = 0; i < teams.size(); i++) {
                Submission submission = ws.submissionByExternalId(externalId(i)).orElseThrow();
                if (!scored.contains(submission.id())) {
                    scoring.scoreOnLeaderboard(submission, board, "auto", K, scaled(monitor, board, i, teams.size()));
                    scoredNow++;
                }
            }
            if (scoredNow > 0) {
                calibrate(ws, board);
            }
            return scoredNow;
        }
    }

    private static void populate(Workspace ws, Path train, Path heldOut, Path submissions, List<DemoTeam> teams,
                                 ProgressMonitor monitor) {
        ws.renameCompetition(NAME);
        List<LeaderboardPreset> boards = List.of(LeaderboardPreset.values());
        ImageSetRegistration sets = new ImageSetRegistration(ws);
        sets.training("Noto emoji (training)", train, boards, monitor);
        sets.heldOut("Noto emoji (held out)", heldOut, boards, monitor);
        for (LeaderboardPreset board : boards) {
            ws.assignExtractor(board, board == LeaderboardPreset.PUBLIC ? PUBLIC_EXTRACTOR : PRIVATE_EXTRACTOR);
        }
        LeaderboardPreset board = LeaderboardPreset.PUBLIC;
        try (SubmissionScoring scoring = new SubmissionScoring(ws)) {
            for (int i = 0; i < teams.size(); i++) {
                DemoTeam team = teams.get(i);
                scoring.score(new ScoringRequest(submissions.resolve(team.slug() + ".zip"), team.team(), externalId(i),
                        board, ws.leaderboardExtractor(board), "auto", K, ValidationProfile.KAGGLE_DOGS.id()),
                        team.label(), scaled(monitor, board, i, teams.size()));
            }
        }
        calibrate(ws, board);
    }

    private static String externalId(int team) {
        return "demo-" + (team + 1);
    }

    private static void calibrate(Workspace ws, LeaderboardPreset board) {
        ws.applyThreshold(new ThresholdChange(board, calibratedThreshold(ws.leaderboardRows(board)), "demo",
                Instant.now(), "demo default: the distance that best separates the ground-truth memorizers"
                + " from the honest teams"));
    }

    /**
     * The demo's starting threshold: of the thresholds halfway between neighbouring distances, the one that flags
     * the largest share of labelled memorizers minus the share of honest teams flagged (Youden's J). An organizer
     * would find it on the histogram; the demo knows its ground truth.
     */
    static double calibratedThreshold(List<LeaderboardRow> rows) {
        double[] d = rows.stream().mapToDouble(r -> r.score().distance()).sorted().toArray();
        long memorizers = rows.stream().filter(r -> r.submission().labelledMemorizer()).count();
        long honest = rows.stream().filter(r -> r.submission().labelledClean()).count();
        double best = d.length > 0 ? d[0] / 2 : 0.1;
        double bestJ = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < d.length; i++) {
            double t = (d[i] + d[i + 1]) / 2;
            long flaggedMem = rows.stream().filter(r -> r.submission().labelledMemorizer())
                    .filter(r -> r.score().distance() < t).count();
            long flaggedHonest = rows.stream().filter(r -> r.submission().labelledClean())
                    .filter(r -> r.score().distance() < t).count();
            double j = (double) flaggedMem / Math.max(memorizers, 1) - (double) flaggedHonest / Math.max(honest, 1);
            if (j > bestJ) {
                bestJ = j;
                best = t;
            }
        }
        return best;
    }

    /** Progress of one team as a share of the scoring of its board. */
    private static ProgressMonitor scaled(ProgressMonitor monitor, LeaderboardPreset board, int team, int teams) {
        return new ProgressMonitor() {
            @Override
            public void update(long done, long total, String message) {
                double within = total > 0 ? (double) done / total : 0;
                monitor.update(Math.round((team + within) * 1000), teams * 1000L,
                        "Scoring the demo (" + board.id() + "): " + message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
