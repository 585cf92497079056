package org.mifid.workbench.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One submission's measures: a value for each measure that could be computed, a reason for each that could not.
 *
 * @param values measure -> value (finite)
 * @param missing measure -> why it has no value
 * @param thresholds measure -> the image-level threshold its value was counted at (the copy shares)
 */
public record MeasureValues(Map<Measure, Double> values, Map<Measure, String> missing,
                            Map<Measure, Double> thresholds) {

    public MeasureValues {
        values = Collections.unmodifiableMap(new EnumMap<>(values.isEmpty() ? new EnumMap<>(Measure.class) : values));
        missing = Collections.unmodifiableMap(missing.isEmpty() ? new EnumMap<>(Measure.class) : new EnumMap<>(missing));
        thresholds = Collections.unmodifiableMap(thresholds.isEmpty() ? new EnumMap<>(Measure.class)
                : new EnumMap<>(thresholds));
    }

    /** The image-level threshold the measure was counted at, or null when it has none. */
    public Double threshold(Measure m) {
        return thresholds.get(m);
    }

    /** The value, or null when the measure has none. */
    public Double value(Measure m) {
        return values.get(m);
    }

    /** Why the measure has no value: the recorded reason, or "not computed". */
    public String reason(Measure m) {
        return values.containsKey(m) ? null : missing.getOrDefault(m, "not computed");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<Measure, Double> values = new EnumMap<>(Measure.class);
        private final Map<Measure, String> missing = new EnumMap<>(Measure.class);
        private final Map<Measure, Double> thresholds = new EnumMap<>(Measure.class);

        /** Records a value; a NaN records {@code reasonIfNaN} instead. */
        public Builder put(Measure m, double value, String reasonIfNaN) {
            if (Double.isFinite(value)) {
                values.put(m, value);
                missing.remove(m);
            } else {
                missing(m, reasonIfNaN);
            }
            return this;
        }

        public Builder missing(Measure m, String reason) {
            values.remove(m);
            missing.put(m, reason);
            return this;
        }

        /** Records the image-level threshold a share was counted at (ignored when not finite). */
        public Builder threshold(Measure m, double threshold) {
            if (Double.isFinite(threshold)) {
                thresholds.put(m, threshold);
            }
            return this;
        }

        public MeasureValues build() {
            return new MeasureValues(values, missing, thresholds);
        }
    }
}
