package org.mifid.workbench.prompts;

import java.util.List;

/**
 * The organizer's bank of public prompts (e.g. a DiffusionDB export), embedded: the nearest bank prompt of a
 * vector reads an embedding back as words, and a true prompt with a near-exact bank neighbour could be looked
 * up instead of predicted.
 */
public final class PromptBank {
    private static final int D = EmbeddingTable.DIMENSION;
    private final List<String> prompts;
    private final EmbeddingTable vectors;

    /** The bank's prompt and its cosine with the vector asked about. */
    public record Match(String prompt, double cosine) {
    }

    /** @param vectors the embeddings of {@code prompts}, in the same order */
    public PromptBank(List<String> prompts, EmbeddingTable vectors) {
        if (prompts.size() != vectors.size() || prompts.isEmpty()) {
            throw new IllegalArgumentException(prompts.size() + " prompts for " + vectors.size() + " vectors");
        }
        this.prompts = List.copyOf(prompts);
        this.vectors = vectors;
    }

    public int size() {
        return prompts.size();
    }

    /** The bank prompt nearest by cosine to row {@code row} of a flat matrix. */
    public Match nearest(double[] matrix, int row) {
        int best = 0;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < prompts.size(); b++) {
            double c = Cosine.of(matrix, row, vectors.values(), b, D);
            if (c > bestCosine) {
                bestCosine = c;
                best = b;
            }
        }
        return new Match(prompts.get(best), bestCosine);
    }
}
