package org.mifid.workbench.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.Workspace;

/**
 * How well each piece of copying evidence separates the labelled memorizers of a leaderboard from its labelled
 * clean submissions, beside the mean distance that MiFID thresholds: its ROC AUC (the probability that a
 * memorizer looks more suspicious than a clean submission, ties one half) and how many submissions its flag level
 * flags. What {@code analyze}, {@code demo} and the exports report.
 *
 * @param id "distance" or a {@link Measure} id
 * @param label what the organizer reads
 * @param higherIsSuspicious whether a larger value points to copying
 * @param auc ROC AUC against the labels, NaN without labelled memorizers and clean submissions that have a value
 * @param flagLevel the level beyond which a submission is flagged, empty where the measure has none
 * @param flagged submissions flagged at that level (0 without one)
 * @param withValue submissions that have a value of this measure
 */
public record MeasureSeparation(String id, String label, boolean higherIsSuspicious, double auc,
                                OptionalDouble flagLevel, int flagged, int withValue) {

    /**
     * Copy share: twice the 5 % that a fresh sample of the training distribution shows by construction of the
     * image-level threshold (the training set's 5th percentile of its own nearest distances).
     */
    static final double COPY_SHARE_FLAG = 0.10;
    /** Inauthentic share: a fresh sample fails the test about half the time; three quarters is beyond chance. */
    static final double INAUTHENTIC_FLAG = 0.75;
    /** C_T is a weighted z-score: below -3 is the data-copying test's usual "significantly closer" level. */
    static final double CT_FLAG = -3;

    /** The distance at {@code threshold} (the one in force), then every stored measure, in {@link Measure} order. */
    public static List<MeasureSeparation> of(Workspace workspace, LeaderboardPreset leaderboard, double threshold) {
        List<LeaderboardRow> rows = workspace.leaderboardRows(leaderboard);
        Map<Long, MeasureValues> measures = workspace.measures(leaderboard);
        List<MeasureSeparation> out = new ArrayList<>();
        out.add(separation("distance", "mean distance (MiFID's)", false, rows,
                r -> r.score().distance(), OptionalDouble.of(threshold)));
        for (Measure m : Measure.values()) {
            out.add(separation(m.id(), m.label(), m.higherIsSuspicious(), rows, r -> {
                MeasureValues v = measures.get(r.submission().id());
                Double value = v == null ? null : v.value(m);
                return value == null ? Double.NaN : value;
            }, flagLevel(m)));
        }
        return out;
    }

    /** The measure's flag level, empty for the percentiles (their scale depends on the network). */
    public static OptionalDouble flagLevel(Measure m) {
        return switch (m) {
            case COPY_SHARE, PIXEL_COPY_SHARE -> OptionalDouble.of(COPY_SHARE_FLAG);
            case AUTHENTICITY, PIXEL_AUTHENTICITY -> OptionalDouble.of(INAUTHENTIC_FLAG);
            case CT, PIXEL_CT -> OptionalDouble.of(CT_FLAG);
            default -> OptionalDouble.empty();
        };
    }

    private static MeasureSeparation separation(String id, String label, boolean higherIsSuspicious,
                                                List<LeaderboardRow> rows,
                                                java.util.function.ToDoubleFunction<LeaderboardRow> value,
                                                OptionalDouble level) {
        List<Double> values = new ArrayList<>();
        List<LabelledDistances.Truth> truth = new ArrayList<>();
        int flagged = 0;
        for (LeaderboardRow r : rows) {
            double v = value.applyAsDouble(r);
            if (!Double.isFinite(v)) {
                continue;
            }
            // LabelledDistances reads lower as more suspicious: a measure where higher is turns its sign
            values.add(higherIsSuspicious ? -v : v);
            truth.add(LabelledDistances.truthOf(r.submission()));
            if (level.isPresent() && (higherIsSuspicious ? v > level.getAsDouble() : v < level.getAsDouble())) {
                flagged++;
            }
        }
        double auc = new LabelledDistances(values.stream().mapToDouble(Double::doubleValue).toArray(),
                truth.toArray(LabelledDistances.Truth[]::new)).auc();
        return new MeasureSeparation(id, label, higherIsSuspicious, auc, level, flagged, values.size());
    }
}
