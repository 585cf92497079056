package org.mifid.workbench.prompts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mifid.workbench.core.BankPrompt;

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

    /** The bank a workspace stores, in its order. */
    public static PromptBank of(List<BankPrompt> stored) {
        List<String> ids = new ArrayList<>(stored.size());
        List<String> texts = new ArrayList<>(stored.size());
        float[][] vectors = new float[stored.size()][];
        for (int i = 0; i < stored.size(); i++) {
            ids.add(stored.get(i).id());
            texts.add(stored.get(i).text());
            vectors[i] = stored.get(i).vector();
        }
        return new PromptBank(texts, EmbeddingTable.of(ids, vectors, null));
    }

    public int size() {
        return prompts.size();
    }

    /** The bank prompt nearest by cosine to row {@code row} of a flat matrix. */
    public Match nearest(double[] matrix, int row) {
        return nearest(matrix, row, 1).get(0);
    }

    /**
     * The {@code k} bank prompts nearest by cosine to row {@code row} of a flat matrix, nearest first (ties to the
     * earlier bank prompt): one pass over the bank keeping the best {@code k} in order.
     */
    public List<Match> nearest(double[] matrix, int row, int k) {
        int keep = Math.min(k, prompts.size());
        int[] best = new int[keep];
        double[] cosines = new double[keep];
        Arrays.fill(cosines, Double.NEGATIVE_INFINITY);
        for (int b = 0; b < prompts.size(); b++) {
            double c = Cosine.of(matrix, row, vectors.values(), b, D);
            if (c <= cosines[keep - 1]) {
                continue;
            }
            int at = keep - 1;
            while (at > 0 && c > cosines[at - 1]) {
                cosines[at] = cosines[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            cosines[at] = c;
            best[at] = b;
        }
        List<Match> out = new ArrayList<>(keep);
        for (int i = 0; i < keep; i++) {
            out.add(new Match(prompts.get(best[i]), cosines[i]));
        }
        return out;
    }
}
