package org.mifid.workbench.export;

import org.mifid.workbench.importing.ResultsImport;
import org.mifid.workbench.review.BothLeaderboards;
import org.mifid.workbench.review.Ranking;
import org.mifid.workbench.review.LeaderboardAnalysis;
import org.mifid.workbench.review.MeasureSeparation;
import org.mifid.workbench.core.MeasureValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.StoredNeighbours;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.store.SubmissionScore;
import org.mifid.workbench.store.ThresholdChange;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.store.Workspace;

/**
 * Everything an export shows, gathered once from the workspace so that the CSV, HTML and JSON renderings say
 * the same thing.
 *
 * <p>Ranking: MiFID under the threshold in force on the leaderboard (re-thresholding the stored distance),
 * ascending. A submission whose current verdict is cheater is disqualified as the 2019 organizers did it: its
 * Kaggle score is {@value Verdict#DISQUALIFIED_SCORE} and it ranks after every other submission (its real
 * MiFID is still shown). Equal scores are ordered by workspace id, so ranks are distinct and stable.
 */
public record AnnotatedLeaderboard(
        String competition,
        LeaderboardPreset leaderboard,
        double threshold,
        Instant generatedAt,
        List<RankedRow> rows,
        List<ThresholdChange> thresholdHistory,
        LeaderboardAnalysis analysis,
        List<RankChange> rankChanges,
        List<SuspectStrip> suspects,
        Map<Long, MeasureValues> measures,
        List<MeasureSeparation> separations) {

    /** The row's copying measures, null when none were computed (imported figures, scores made before them). */
    public MeasureValues measures(RankedRow row) {
        return measures.get(row.submission().id());
    }

    /** Images shown per suspicious submission, most suspicious first. */
    public static final int IMAGES_PER_STRIP = 6;
    /** Submissions given an image strip; the rest of the flagged ones are listed in the table only. */
    public static final int MAX_STRIPS = 40;

    /** One leaderboard line. */
    public record RankedRow(int rank, Submission submission, SubmissionScore score, double mifid, boolean penalised,
            boolean disqualified, VerdictEntry verdict) {

        /** The score as Kaggle published it: MiFID, or 999999 for a disqualified submission. */
        public double kaggleScore() {
            return disqualified ? Verdict.DISQUALIFIED_SCORE : mifid;
        }

        public Verdict currentVerdict() {
            return verdict == null ? Verdict.NONE : verdict.verdict();
        }
    }

    /** A submission's place on both leaderboards (MiFID at each one's threshold, ranked among those on both). */
    public record RankChange(Submission submission, int publicRank, int privateRank, double publicScore,
            double privateScore) {
    }

    /** A flagged or condemned submission with its most suspicious images beside their nearest training images. */
    public record SuspectStrip(RankedRow row, String reason, ReferenceSet referenceSet, List<SuspectImage> images,
            String missing) {
    }

    /** A generated image and its nearest training image, by row and by name. */
    public record SuspectImage(int row, String imageName, int trainIndex, String trainName, double distance) {
    }

    public static AnnotatedLeaderboard build(Workspace workspace, LeaderboardPreset leaderboard) {
        BothLeaderboards boards = BothLeaderboards.load(workspace);
        double threshold = boards.threshold(leaderboard);
        List<RankedRow> rows = rank(boards.rows(leaderboard), threshold);
        LeaderboardAnalysis analysis = LeaderboardAnalysis.of(boards, leaderboard, threshold, null);
        List<SuspectStrip> suspects = new ArrayList<>();
        rows.stream()
                .filter(r -> r.penalised() || r.currentVerdict() == Verdict.CHEATER)
                .sorted(Comparator.comparingDouble((RankedRow r) -> r.score().distance()))
                .limit(MAX_STRIPS)
                .forEach(r -> suspects.add(strip(workspace, leaderboard, threshold, r)));
        return new AnnotatedLeaderboard(workspace.competitionName(), leaderboard, threshold, Instant.now(), rows,
                workspace.thresholdHistory(leaderboard), analysis, rankChanges(boards), suspects,
                workspace.measures(leaderboard), MeasureSeparation.of(workspace, leaderboard, threshold));
    }

    static List<RankedRow> rank(List<LeaderboardRow> rows, double threshold) {
        List<RankedRow> out = new ArrayList<>(rows.size());
        for (Ranking.Ranked r : Ranking.rank(rows, threshold)) {
            out.add(new RankedRow(r.rank(), r.row().submission(), r.row().score(), r.mifid(), r.penalised(),
                    r.disqualified(), r.row().verdict()));
        }
        return out;
    }

    private static SuspectStrip strip(Workspace workspace, LeaderboardPreset leaderboard, double threshold,
            RankedRow row) {
        String reason = row.currentVerdict() == Verdict.CHEATER
                ? "verdict: cheater" + (row.penalised() ? "; distance below the threshold" : "")
                : String.format(Locale.ROOT, "distance %.4f < threshold %.4f", row.score().distance(),
                        threshold);
        Optional<StoredNeighbours> stored = workspace.neighbours(row.submission().id(), leaderboard);
        if (stored.isEmpty()) {
            return new SuspectStrip(row, reason, null, List.of(), "no neighbours stored (imported results)");
        }
        StoredNeighbours sn = stored.get();
        ReferenceSet ref = sn.referenceSetId() > 0 ? workspace.referenceSet(sn.referenceSetId()).orElse(null) : null;
        List<String> trainNames = ref == null ? List.of() : workspace.referenceImageNames(ref.id());
        Neighbours n = sn.neighbours();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!Float.isNaN(n.nearest(i))) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(n::nearest));
        List<SuspectImage> images = new ArrayList<>();
        for (int i : order.subList(0, Math.min(IMAGES_PER_STRIP, order.size()))) {
            int train = n.index(i, 0);
            images.add(new SuspectImage(i, i < sn.imageNames().size() ? sn.imageNames().get(i) : "row " + i, train,
                    train >= 0 && train < trainNames.size() ? trainNames.get(train) : null, n.nearest(i)));
        }
        return new SuspectStrip(row, reason, ref, images, ref == null ? "reference set not in this workspace" : null);
    }

    /** The submissions on both boards, each ranked among them on each board by the one ranking. */
    private static List<RankChange> rankChanges(BothLeaderboards boards) {
        BothLeaderboards.Paired paired = boards.paired();
        Map<Long, Integer> publicRank = Ranking.ranks(paired.publicRows(), boards.publicThreshold());
        Map<Long, Integer> privateRank = Ranking.ranks(paired.privateRows(), boards.privateThreshold());
        List<RankChange> out = new ArrayList<>(paired.submissions().size());
        for (int i = 0; i < paired.submissions().size(); i++) {
            Submission s = paired.submissions().get(i);
            out.add(new RankChange(s, publicRank.get(s.id()), privateRank.get(s.id()), paired.scorePublic()[i],
                    paired.scorePrivate()[i]));
        }
        out.sort(Comparator.comparingInt(RankChange::publicRank));
        return out;
    }
}
