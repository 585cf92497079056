package org.mifid.workbench.prompts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prompt embeddings by image id: one flat row-major matrix of {@code ids.size() x 384} values, so 16,000 images
 * are one array, not 6.1 million boxed numbers. Values are kept in double precision as read, so a submission is
 * scored on exactly the numbers it wrote.
 *
 * @param checksum the SHA-256 of the file the table was read from, or of the prompts it was embedded from
 */
public record EmbeddingTable(List<String> ids, double[] values, String checksum) {
    public static final int DIMENSION = PromptEmbedder.DIMENSION;

    public EmbeddingTable {
        if (values.length != ids.size() * DIMENSION) {
            throw new IllegalArgumentException(values.length + " values for " + ids.size() + " images");
        }
        ids = List.copyOf(ids);
    }

    public static EmbeddingTable of(List<String> ids, float[][] vectors, String checksum) {
        double[] values = new double[ids.size() * DIMENSION];
        for (int i = 0; i < vectors.length; i++) {
            for (int d = 0; d < DIMENSION; d++) {
                values[i * DIMENSION + d] = vectors[i][d];
            }
        }
        return new EmbeddingTable(ids, values, checksum);
    }

    public int size() {
        return ids.size();
    }

    /** The row of each id, in file order. */
    public Map<String, Integer> rows() {
        Map<String, Integer> rows = new LinkedHashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            rows.put(ids.get(i), i);
        }
        return Collections.unmodifiableMap(rows);
    }

    public float[] vector(int row) {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) values[row * DIMENSION + d];
        }
        return v;
    }
}
