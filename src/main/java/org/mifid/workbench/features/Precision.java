package org.mifid.workbench.features;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The floating-point type a network's weights and activations run in. Scoring always extracts in float32 (the
 * features the metric's statistics are computed from must not depend on the card); the half types are what
 * {@code bench gpu} measures, so an organizer can see what mixed precision would give and cost before anyone
 * proposes it.
 */
public enum Precision {
    FLOAT32("fp32", DataType.FLOAT32),
    FLOAT16("fp16", DataType.FLOAT16),
    BFLOAT16("bf16", DataType.BFLOAT16);

    private final String id;
    private final DataType type;

    Precision(String id, DataType type) {
        this.id = id;
        this.type = type;
    }

    public String id() {
        return id;
    }

    public DataType type() {
        return type;
    }

    /** fp32, fp16 or bf16 (case-insensitive). */
    public static Precision of(String id) {
        for (Precision p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + id + "': fp32, fp16 or bf16");
    }
}
