package org.mifid.workbench.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;

/**
 * Which CSV column holds which {@link ResultField}. The released 2019 results are one fixed mapping; a generic
 * file maps its own columns, and any field left unmapped is looked up under its own name.
 */
public final class ColumnMapping {
    private final String formatName;
    private final Map<ResultField, String> columns;
    private final boolean strict;

    private ColumnMapping(String formatName, Map<ResultField, String> columns, boolean strict) {
        this.formatName = formatName;
        this.columns = Collections.unmodifiableMap(new EnumMap<>(columns));
        this.strict = strict;
    }

    /**
     * The released results of the 2019 Generative Dog Images competition: submission_id, public_score,
     * private_score, FID_public, FID_private, distance_public, distance_private, labels. Every column is required.
     */
    public static ColumnMapping kaggle2019() {
        Map<ResultField, String> m = new EnumMap<>(ResultField.class);
        m.put(ResultField.ID, "submission_id");
        m.put(ResultField.SCORE_PUBLIC, "public_score");
        m.put(ResultField.SCORE_PRIVATE, "private_score");
        m.put(ResultField.FID_PUBLIC, "FID_public");
        m.put(ResultField.FID_PRIVATE, "FID_private");
        m.put(ResultField.DISTANCE_PUBLIC, "distance_public");
        m.put(ResultField.DISTANCE_PRIVATE, "distance_private");
        m.put(ResultField.LABEL, "labels");
        return new ColumnMapping("kaggle-2019", m, true);
    }

    /**
     * A generic results file. {@code columnToField} maps CSV column names to fields (from {@code --map col=field});
     * unmapped fields are taken from a column of the same name when there is one.
     */
    public static ColumnMapping generic(Map<String, ResultField> columnToField) {
        Map<ResultField, String> m = new EnumMap<>(ResultField.class);
        columnToField.forEach((column, field) -> {
            String previous = m.put(field, column);
            if (previous != null) {
                throw new IllegalArgumentException("field " + field.id() + " is mapped twice (" + previous + ", "
                        + column + ")");
            }
        });
        return new ColumnMapping("generic", m, false);
    }

    /** The formats {@link #of} knows, the first being the default. */
    public static final java.util.List<String> FORMATS = java.util.List.of("kaggle-2019", "generic");

    /**
     * The mapping of a format by name with its column map ({@code column -> field id}), as the command line's
     * {@code --format} and {@code --map} and the workbench's import dialog give them.
     *
     * @throws IllegalArgumentException naming the unknown format, an unknown field, a field mapped twice, or a
     *     column map given to the fixed kaggle-2019 format
     */
    public static ColumnMapping of(String format, Map<String, String> columnToField) {
        switch (format) {
            case "kaggle-2019" -> {
                if (!columnToField.isEmpty()) {
                    throw new IllegalArgumentException("a column map is for the generic format; kaggle-2019 has"
                            + " fixed columns");
                }
                return kaggle2019();
            }
            case "generic" -> {
                Map<String, ResultField> fields = new java.util.LinkedHashMap<>();
                columnToField.forEach((column, field) -> fields.put(column, ResultField.parse(field)));
                return generic(fields);
            }
            default -> throw new IllegalArgumentException("the format must be kaggle-2019 or generic, not '"
                    + format + "'");
        }
    }

    public String formatName() {
        return formatName;
    }

    /** Resolves the mapping against a file's header: the column of each field present. */
    Map<ResultField, String> resolve(List<String> header, String source) {
        Map<ResultField, String> resolved = new EnumMap<>(ResultField.class);
        List<String> missing = new ArrayList<>();
        for (ResultField f : ResultField.values()) {
            String column = columns.get(f);
            if (column != null) {
                if (header.contains(column)) {
                    resolved.put(f, column);
                } else {
                    missing.add(column);
                }
            } else if (!strict && header.contains(f.id())) {
                resolved.put(f, f.id());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(source + ":1", "missing column(s) "
                    + String.join(", ", missing) + " for the " + formatName + " format (header: "
                    + String.join(",", header) + ")");
        }
        boolean anyBoard = false;
        for (LeaderboardPreset lb : LeaderboardPreset.values()) {
            boolean fid = resolved.containsKey(ResultField.fid(lb));
            boolean distance = resolved.containsKey(ResultField.distance(lb));
            if (fid != distance) {
                throw new InvalidInputException(source + ":1", "the " + lb.id()
                        + " leaderboard needs both " + ResultField.fid(lb).id() + " and "
                        + ResultField.distance(lb).id() + " columns");
            }
            anyBoard |= fid;
        }
        if (!anyBoard) {
            throw new InvalidInputException(source + ":1", "no leaderboard columns:"
                    + " map fid_public + distance_public and/or fid_private + distance_private");
        }
        return resolved;
    }
}
