package org.mifid.workbench.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.analysis.FlagCounts;
import org.mifid.workbench.analysis.LabelledDistances;
import org.mifid.workbench.analysis.RankAgreement;
import org.mifid.workbench.engine.LeaderboardPreset;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.Submission;
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
        List<LeaderboardRow> rows = workspace.leaderboardRows(leaderboard);
        LabelledDistances labelled = labelledDistances(rows);
        Paired paired = Paired.of(workspace);
        return new LeaderboardAnalysis(leaderboard, threshold, labelled.countAt(threshold), labelled.auc(),
                RankAgreement.of(paired.fidPublic, paired.fidPrivate),
                RankAgreement.of(paired.scorePublic, paired.scorePrivate),
                RankAgreement.topKOverlap(paired.fidPublic, paired.fidPrivate, 10),
                sweepThresholds == null ? List.of() : labelled.sweep(sweepThresholds));
    }

    static LabelledDistances labelledDistances(List<LeaderboardRow> rows) {
        double[] distances = new double[rows.size()];
        LabelledDistances.Truth[] truth = new LabelledDistances.Truth[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Submission s = rows.get(i).submission();
            distances[i] = rows.get(i).score().distance();
            truth[i] = s.labelledMemorizer() ? LabelledDistances.Truth.MEMORIZER
                    : s.labelledClean() ? LabelledDistances.Truth.CLEAN : LabelledDistances.Truth.UNLABELLED;
        }
        return new LabelledDistances(distances, truth);
    }

    /** The submissions scored on both leaderboards, in submission order, with their FIDs and current MiFIDs. */
    record Paired(List<Submission> submissions, double[] fidPublic, double[] fidPrivate, double[] scorePublic,
            double[] scorePrivate) {

        static Paired of(Workspace workspace) {
            double epsPublic = workspace.threshold(LeaderboardPreset.PUBLIC);
            double epsPrivate = workspace.threshold(LeaderboardPreset.PRIVATE);
            Map<Long, LeaderboardRow> privateRows = new HashMap<>();
            for (LeaderboardRow r : workspace.leaderboardRows(LeaderboardPreset.PRIVATE)) {
                privateRows.put(r.submission().id(), r);
            }
            List<LeaderboardRow[]> pairs = new ArrayList<>();
            for (LeaderboardRow r : workspace.leaderboardRows(LeaderboardPreset.PUBLIC)) {
                LeaderboardRow p = privateRows.get(r.submission().id());
                if (p != null) {
                    pairs.add(new LeaderboardRow[] {r, p});
                }
            }
            int n = pairs.size();
            double[] fa = new double[n];
            double[] fb = new double[n];
            double[] sa = new double[n];
            double[] sb = new double[n];
            List<Submission> subs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                LeaderboardRow a = pairs.get(i)[0];
                LeaderboardRow b = pairs.get(i)[1];
                subs.add(a.submission());
                fa[i] = a.score().fid();
                fb[i] = b.score().fid();
                sa[i] = a.score().mifidAt(epsPublic);
                sb[i] = b.score().mifidAt(epsPrivate);
            }
            return new Paired(subs, fa, fb, sa, sb);
        }
    }
}
