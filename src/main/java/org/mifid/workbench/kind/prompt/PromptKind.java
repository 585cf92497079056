package org.mifid.workbench.kind.prompt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.TruthItem;
import org.mifid.workbench.kind.BankExposure;
import org.mifid.workbench.kind.BankMatch;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.CompetitionSetup;
import org.mifid.workbench.kind.ItemDisplay;
import org.mifid.workbench.kind.KindSubmission;
import org.mifid.workbench.kind.ScoreColumn;
import org.mifid.workbench.prompts.BoardSplit;
import org.mifid.workbench.prompts.Cosine;
import org.mifid.workbench.prompts.EmbeddingTable;
import org.mifid.workbench.prompts.PromptEmbeddings;
import org.mifid.workbench.prompts.PromptFile;
import org.mifid.workbench.prompts.PromptScorer;
import org.mifid.workbench.store.NewBoardScore;
import org.mifid.workbench.store.NewSubmission;
import org.mifid.workbench.store.Workspace;

/**
 * The 2023 Kaggle "Stable Diffusion - Image to Prompts" kind: a submission predicts each image's prompt
 * embedding (all-MiniLM-L6-v2, 384-d, {@code imgId_eId,val}) or the prompt itself ({@code imgId,prompt}, embedded
 * here and kept as evidence); an image scores the cosine of predicted and true vectors (a zero vector scores 0
 * and is counted), a board the mean over its images. The true embeddings are computed once and stored in the
 * workspace with the board of each image.
 */
public final class PromptKind implements CompetitionKind {
    public static final String ID = "image-to-prompt";
    private static final int D = EmbeddingTable.DIMENSION;
    /**
     * The share of a board's images predicted at a cosine of at least {@link PromptScorer#NEAR_EXACT}: prompts that
     * were looked up rather than inferred score there (schema migration 7 fills it for scores stored before).
     */
    static final String NEAR_EXACT_FIGURE = "near_exact";
    /** A competition's prompts and a team's are embedded once each, when read: there is nothing to cache. */
    private static final PromptEmbeddings NOT_CACHED = new PromptEmbeddings(null);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Image to prompt (Stable Diffusion - Image to Prompts, 2023)";
    }

    @Override
    public String submissionFormat() {
        return "a CSV 'imgId_eId,val' with the 384 embedding values of each image's predicted prompt, or"
                + " 'imgId,prompt' with the predicted prompts";
    }

    @Override
    public List<ScoreColumn> columns() {
        return List.of(new ScoreColumn("score", "Score", 6), new ScoreColumn("n_images", "Images", 0),
                new ScoreColumn("zero_vectors", "ZeroVectors", 0), new ScoreColumn(NEAR_EXACT_FIGURE, "NearExact", 4));
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public String evidenceDescription() {
        return "each image's cosine between the predicted and the true prompt embedding";
    }

    @Override
    public ItemDisplay itemDisplay() {
        return ItemDisplay.TEXT;
    }

    @Override
    public boolean tunesThreshold() {
        return false;
    }

    @Override
    public void create(Workspace workspace, CompetitionSetup setup, ProgressMonitor monitor) {
        if (setup.truth() == null) {
            throw new InvalidInputException("--truth", "an image-to-prompt competition needs its prompts or their"
                    + " embeddings");
        }
        if (setup.train() != null || setup.heldOut() != null) {
            throw new InvalidInputException(setup.train() != null ? "--train" : "--held-out", "training and held-out"
                    + " images belong to a MiFID competition; an image-to-prompt one is scored against its truth");
        }
        if (workspace.submissionCount() > 0 || !workspace.truth().isEmpty()) {
            throw new InvalidInputException(workspace.file().toString(), "already holds a competition");
        }
        monitor.update(0, 1, "reading " + setup.truth().getFileName());
        PromptFile truth = PromptFile.read(setup.truth(), null, NOT_CACHED, true, monitor);
        Map<String, Board> boards = BoardSplit.assign(truth.ids(), setup.publicFraction(), setup.seed());
        List<TruthItem> items = new ArrayList<>(truth.ids().size());
        for (int row = 0; row < truth.ids().size(); row++) {
            String id = truth.ids().get(row);
            items.add(new TruthItem(id, boards.get(id), truth.text(row), truth.table().vector(row)));
        }
        String images = setup.images() == null ? null : setup.images().toAbsolutePath().normalize().toString();
        workspace.defineCompetition(ID, setup.publicFraction(), setup.seed(), images);
        workspace.addTruth(items);
        if (setup.bank() != null) {
            monitor.update(0, 1, "embedding the prompt bank " + setup.bank().getFileName());
            BankSearch.store(workspace, setup.bank(), NOT_CACHED, monitor);
        }
        monitor.update(1, 1, "stored " + items.size() + " true embeddings");
    }

    @Override
    public long score(Workspace workspace, KindSubmission submission, List<Board> boards, ProgressMonitor monitor) {
        long started = System.nanoTime();
        List<TruthItem> truth = workspace.truth();
        if (truth.isEmpty()) {
            throw new InvalidInputException(workspace.file().toString(), "holds no true embeddings"
                    + " (create it with create-competition --kind " + ID + ")");
        }
        Set<String> ids = new LinkedHashSet<>();
        truth.forEach(t -> ids.add(t.id()));
        monitor.update(0, 1, "reading " + submission.file().getFileName());
        PromptFile predicted = PromptFile.read(submission.file(), ids, NOT_CACHED, true, monitor);
        monitor.checkCancelled();
        double[] values = predicted.table().values();
        Map<String, Integer> rows = predicted.table().rows();
        Map<Board, List<ItemEvidence>> items = new EnumMap<>(Board.class);
        Map<Board, double[]> sums = new EnumMap<>(Board.class);
        for (TruthItem t : truth) {
            int row = rows.get(t.id());
            double cosine = Cosine.of(values, row, toDouble(t.vector()), 0, D);
            boolean zero = Cosine.isZero(values, row, D);
            String text = predicted.text(row);
            items.computeIfAbsent(t.board(), b -> new ArrayList<>()).add(new ItemEvidence(t.id(), cosine,
                    zero ? "zero vector (scores 0)" : text));
            double[] s = sums.computeIfAbsent(t.board(), b -> new double[4]);
            s[0] += cosine;
            s[1]++;
            s[2] += zero ? 1 : 0;
            s[3] += cosine >= PromptScorer.NEAR_EXACT ? 1 : 0;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<NewBoardScore> scores = new ArrayList<>();
        for (Board board : boards) {
            double[] s = sums.getOrDefault(board, new double[4]);
            double mean = s[1] == 0 ? Double.NaN : s[0] / s[1];
            double nearExact = s[1] == 0 ? Double.NaN : s[3] / s[1];
            scores.add(new NewBoardScore(board, mean, Map.of("score", mean, "n_images", s[1], "zero_vectors", s[2],
                    NEAR_EXACT_FIGURE, nearExact),
                    items.getOrDefault(board, List.of()), millis));
        }
        Path file = submission.file().toAbsolutePath();
        NewSubmission stored = new NewSubmission(submission.externalId(), submission.team(),
                file.getFileName().toString(), file.toString(), predicted.table().checksum(), null, rows.size(),
                submission.label(), List.of());
        return workspace.addScoredSubmission(stored, scores);
    }

    /** A stored true vector in double precision: the cosine of the values as read against it, as the metric has it. */
    private static double[] toDouble(float[] vector) {
        double[] v = new double[vector.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = vector[d];
        }
        return v;
    }

    /** The near-exact cosine: the level of the NearExact column, where a predicted prompt is the true one. */
    @Override
    public OptionalDouble itemLevel() {
        return OptionalDouble.of(PromptScorer.NEAR_EXACT);
    }

    /** The mean-vector baseline of the stored truth, computed as score-prompts computes it. */
    @Override
    public OptionalDouble baseline(Workspace workspace, Board board) {
        List<TruthItem> truth = workspace.truth();
        if (truth.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<String> ids = new ArrayList<>(truth.size());
        float[][] vectors = new float[truth.size()][];
        Map<String, Board> boards = new java.util.HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            ids.add(truth.get(i).id());
            vectors[i] = truth.get(i).vector();
            boards.put(truth.get(i).id(), truth.get(i).board());
        }
        double value = PromptScorer.baselines(EmbeddingTable.of(ids, vectors, null), boards).get(board);
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public List<BankExposure> exposedItems(Workspace workspace) {
        return BankSearch.exposed(workspace);
    }

    @Override
    public Map<String, List<BankMatch>> nearestBank(Workspace workspace, long submissionId, Board board, int k) {
        return BankSearch.nearest(workspace, submissionId, board, k);
    }

    @Override
    public List<ItemEvidence> evidence(Workspace workspace, long submissionId, Board board) {
        return workspace.itemEvidence(submissionId, board);
    }
}
