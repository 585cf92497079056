package org.mifid.workbench.prompts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.Board;

/**
 * Scores predicted prompt embeddings against the true ones as the 2023 Kaggle competition did: an image scores
 * the cosine of its predicted and true vectors (length does not matter; a zero vector scores 0), a board the
 * mean over its images. Beside the score: the mean-vector baseline per board and the near-exact share.
 */
public final class PromptScorer {
    /** The default cosine from which a prediction counts as (near) the exact prompt. */
    public static final double NEAR_EXACT = 0.95;
    private static final int D = EmbeddingTable.DIMENSION;

    private PromptScorer() {
    }

    /**
     * @param predicted covers every image of {@code truth} (the readers check it)
     * @param bank the organizer's prompt bank, or null: then no nearest-bank evidence
     */
    public static PromptScore score(EmbeddingTable truth, EmbeddingTable predicted, Map<String, Board> boards,
            double nearExact, PromptBank bank) {
        Map<String, Integer> predictedRows = predicted.rows();
        Map<Board, double[]> sums = new EnumMap<>(Board.class);
        for (Board b : Board.values()) {
            sums.put(b, new double[2]);
        }
        double total = 0;
        int zeros = 0;
        int near = 0;
        List<PromptScore.ImageScore> images = new ArrayList<>(truth.size());
        for (int row = 0; row < truth.size(); row++) {
            String id = truth.ids().get(row);
            Integer p = predictedRows.get(id);
            if (p == null) {
                throw new IllegalArgumentException("no prediction for image " + id);
            }
            double cosine = Cosine.of(predicted.values(), p, truth.values(), row, D);
            boolean zero = Cosine.isZero(predicted.values(), p, D);
            Board board = boards.get(id);
            double[] s = sums.get(board);
            s[0] += cosine;
            s[1]++;
            total += cosine;
            zeros += zero ? 1 : 0;
            near += cosine >= nearExact ? 1 : 0;
            PromptBank.Match match = bank == null || zero ? null : bank.nearest(predicted.values(), p);
            images.add(new PromptScore.ImageScore(id, board, cosine, zero, match == null ? null : match.prompt(),
                    match == null ? Double.NaN : match.cosine()));
        }
        double[] pub = sums.get(Board.PUBLIC);
        double[] priv = sums.get(Board.PRIVATE);
        Map<Board, Double> baselines = baselines(truth, boards);
        return new PromptScore(total / truth.size(), pub[0] / pub[1], priv[0] / priv[1], truth.size(), zeros,
                baselines.get(Board.PUBLIC), baselines.get(Board.PRIVATE), nearExact, (double) near / truth.size(),
                images);
    }

    /**
     * The mean-vector baseline of each board: the score of a team that answers every image with the mean of all
     * true vectors, the mean over the board's images of that vector's cosine with the true one (NaN for a board
     * with no image). The same figure {@link #score} reports beside a submission's score.
     */
    public static Map<Board, Double> baselines(EmbeddingTable truth, Map<String, Board> boards) {
        double[] mean = meanVector(truth);
        Map<Board, double[]> sums = new EnumMap<>(Board.class);
        for (int row = 0; row < truth.size(); row++) {
            double[] s = sums.computeIfAbsent(boards.get(truth.ids().get(row)), b -> new double[2]);
            s[0] += Cosine.of(mean, 0, truth.values(), row, D);
            s[1]++;
        }
        Map<Board, Double> out = new EnumMap<>(Board.class);
        for (Board b : Board.values()) {
            double[] s = sums.get(b);
            out.put(b, s == null ? Double.NaN : s[0] / s[1]);
        }
        return out;
    }

    /** The mean of the true vectors: the constant answer a team can give without looking at any image. */
    public static double[] meanVector(EmbeddingTable truth) {
        double[] mean = new double[D];
        for (int row = 0; row < truth.size(); row++) {
            for (int d = 0; d < D; d++) {
                mean[d] += truth.values()[row * D + d];
            }
        }
        for (int d = 0; d < D; d++) {
            mean[d] /= truth.size();
        }
        return mean;
    }
}
