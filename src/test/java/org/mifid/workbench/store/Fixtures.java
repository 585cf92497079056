package org.mifid.workbench.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.engine.MifidScore;
import org.mifid.workbench.engine.Neighbours;

/** Submissions of a chosen size with deterministic contents, for the store tests and the child writer. */
final class Fixtures {
    private Fixtures() {
    }

    static NewSubmission submission(String checksum, int images) {
        List<String> names = new ArrayList<>(images);
        for (int i = 0; i < images; i++) {
            names.add("img_" + i + ".png");
        }
        return new NewSubmission("ext-" + checksum, "team " + checksum, checksum + ".zip", "/tmp/" + checksum + ".zip",
                checksum, Instant.parse("2019-08-01T12:00:00.123456789Z"), images, null, names);
    }

    static Neighbours neighbours(int images, int k, long seed) {
        Random random = new Random(seed);
        int[] idx = new int[images * k];
        float[] dist = new float[images * k];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = random.nextInt(20_000);
            dist[i] = (i % k) * 0.01f + random.nextFloat() * 0.001f;
        }
        return new Neighbours(k, idx, dist);
    }

    static ScoredLeaderboard score(LeaderboardPreset lb, double fid, double distance, Neighbours n, long refId) {
        double t = MifidScore.threshold(distance, lb.epsilon());
        MifidScore m = new MifidScore(fid, distance, lb.epsilon(), t, MifidScore.mifid(fid, distance, lb.epsilon()),
                n == null ? 0 : n.size(), 20_000, lb.dimension(), false);
        return new ScoredLeaderboard(lb, m, lb.extractorId(), 1234, n, refId, measures(distance));
    }

    /**
     * Copying measures as the scoring stores them: values derived from the distance, C_T without a held-out set,
     * the copy share's image-level threshold.
     */
    static MeasureValues measures(double distance) {
        MeasureValues.Builder b = MeasureValues.builder();
        for (Measure m : Measure.values()) {
            b.put(m, distance * (m.ordinal() + 1), "no generated image has a distance");
        }
        return b.missing(Measure.CT, "no held-out real set registered").threshold(Measure.COPY_SHARE, distance / 2)
                .build();
    }

    /** A submission scored on both leaderboards with neighbours: the shape the scoring service stores. */
    static List<ScoredLeaderboard> bothLeaderboards(int images, int k, long seed) {
        return List.of(score(LeaderboardPreset.PUBLIC, 50 + seed, 0.2, neighbours(images, k, seed), 0),
                score(LeaderboardPreset.PRIVATE, 60 + seed, 0.3, neighbours(images, k, seed + 1), 0));
    }
}
