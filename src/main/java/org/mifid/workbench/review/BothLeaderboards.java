package org.mifid.workbench.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.store.Workspace;

/** Both leaderboards' rows and thresholds, read once for an analysis or an export. */
public record BothLeaderboards(List<LeaderboardRow> publicRows, List<LeaderboardRow> privateRows, double publicThreshold,
        double privateThreshold) {

    public static BothLeaderboards load(Workspace workspace) {
        return new BothLeaderboards(workspace.leaderboardRows(LeaderboardPreset.PUBLIC),
                workspace.leaderboardRows(LeaderboardPreset.PRIVATE), workspace.threshold(LeaderboardPreset.PUBLIC),
                workspace.threshold(LeaderboardPreset.PRIVATE));
    }

    public List<LeaderboardRow> rows(LeaderboardPreset leaderboard) {
        return leaderboard == LeaderboardPreset.PUBLIC ? publicRows : privateRows;
    }

    public double threshold(LeaderboardPreset leaderboard) {
        return leaderboard == LeaderboardPreset.PUBLIC ? publicThreshold : privateThreshold;
    }

    /** The submissions scored on both, in public-row order, with their FIDs and MiFIDs at the thresholds in force. */
    public Paired paired() {
        Map<Long, LeaderboardRow> privateById = new HashMap<>();
        for (LeaderboardRow r : privateRows) {
            privateById.put(r.submission().id(), r);
        }
        List<Submission> subs = new ArrayList<>();
        List<LeaderboardRow[]> pairs = new ArrayList<>();
        for (LeaderboardRow r : publicRows) {
            LeaderboardRow p = privateById.get(r.submission().id());
            if (p != null) {
                pairs.add(new LeaderboardRow[] {r, p});
                subs.add(r.submission());
            }
        }
        int n = pairs.size();
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[] sa = new double[n];
        double[] sb = new double[n];
        for (int i = 0; i < n; i++) {
            fa[i] = pairs.get(i)[0].score().fid();
            fb[i] = pairs.get(i)[1].score().fid();
            sa[i] = pairs.get(i)[0].score().mifidAt(publicThreshold);
            sb[i] = pairs.get(i)[1].score().mifidAt(privateThreshold);
        }
        return new Paired(subs, pairs.stream().map(p -> p[0]).toList(), pairs.stream().map(p -> p[1]).toList(), fa,
                fb, sa, sb);
    }

    /** Element i of every list and array belongs to submission i. */
    public record Paired(List<Submission> submissions, List<LeaderboardRow> publicRows,
            List<LeaderboardRow> privateRows, double[] fidPublic, double[] fidPrivate, double[] scorePublic,
            double[] scorePrivate) {
    }
}
