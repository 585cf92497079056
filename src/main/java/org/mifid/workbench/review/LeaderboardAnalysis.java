package org.mifid.workbench.review;

import java.util.List;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.Workspace;

/**
 * The figures an organizer checks on a leaderboard: what a threshold flags against the inspection labels, how
 * well the distance separates labelled memorizers from clean submissions, and how far the public and private
 * rankings agree (on FID, and on MiFID under each leaderboard's threshold in force).
 *
 * @param leaderboard the leaderboard whose distances are thresholded
 * @param threshold the threshold the counts are taken at
 * @param counts submissions, flagged and the labelled groups at {@code threshold}
 * @param auc ROC AUC of the distance separating labelled memorizers from labelled clean ones (NaN without both)
 * @param fidAgreement public vs private FID over submissions scored on both
 * @param scoreAgreement public vs private MiFID (each at its leaderboard's current threshold)
 * @param top10Overlap share of the 10 best public FIDs among the 10 best private ones
 * @param sweep counts at each sweep threshold (empty unless asked for)
 */
public record LeaderboardAnalysis(
        LeaderboardPreset leaderboard,
        double threshold,
        FlagCounts counts,
        double auc,
        RankAgreement fidAgreement,
        RankAgreement scoreAgreement,
        double top10Overlap,
        List<FlagCounts> sweep) {

    public static LeaderboardAnalysis of(Workspace workspace, LeaderboardPreset leaderboard, double threshold,
            double[] sweepThresholds) {
        return of(BothLeaderboards.load(workspace), leaderboard, threshold, sweepThresholds);
    }

    public static LeaderboardAnalysis of(BothLeaderboards boards, LeaderboardPreset leaderboard, double threshold,
            double[] sweepThresholds) {
        LabelledDistances labelled = labelledDistances(boards.rows(leaderboard));
        BothLeaderboards.Paired paired = boards.paired();
        return new LeaderboardAnalysis(leaderboard, threshold, labelled.countAt(threshold), labelled.auc(),
                RankAgreement.of(paired.fidPublic(), paired.fidPrivate()),
                RankAgreement.of(paired.scorePublic(), paired.scorePrivate()),
                RankAgreement.topKOverlap(paired.fidPublic(), paired.fidPrivate(), 10),
                sweepThresholds == null ? List.of() : labelled.sweep(sweepThresholds));
    }

    /** The rows' distances with what their labels say (memorizer, clean, not inspected). */
    public static LabelledDistances labelledDistances(List<LeaderboardRow> rows) {
        double[] distances = new double[rows.size()];
        LabelledDistances.Truth[] truth = new LabelledDistances.Truth[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            distances[i] = rows.get(i).score().distance();
            truth[i] = LabelledDistances.truthOf(rows.get(i).submission());
        }
        return new LabelledDistances(distances, truth);
    }
}
