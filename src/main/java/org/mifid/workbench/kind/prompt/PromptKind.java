package org.mifid.workbench.kind.prompt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.TruthItem;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.CompetitionSetup;
import org.mifid.workbench.kind.ItemDisplay;
import org.mifid.workbench.kind.KindSubmission;
import org.mifid.workbench.kind.ScoreColumn;
import org.mifid.workbench.prompts.BoardSplit;
import org.mifid.workbench.prompts.Cosine;
import org.mifid.workbench.store.NewBoardScore;
import org.mifid.workbench.store.NewSubmission;
import org.mifid.workbench.store.Workspace;

/**
 * The 2023 Kaggle "Stable Diffusion - Image to Prompts" kind: a submission predicts each image's prompt
 * embedding (all-MiniLM-L6-v2, 384-d, {@code imgId_eId,val}); an image scores the cosine of predicted and true
 * vectors (a zero vector scores 0 and is counted), a board the mean over its images. The true embeddings are
 * stored once in the workspace with the board of each image.
 */
public final class PromptKind implements CompetitionKind {
    public static final String ID = "image-to-prompt";

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
        return "a CSV 'imgId_eId,val' with the 384 embedding values of each image's predicted prompt";
    }

    @Override
    public List<ScoreColumn> columns() {
        return List.of(new ScoreColumn("score", "Score", 6), new ScoreColumn("n_images", "Images", 0),
                new ScoreColumn("zero_vectors", "ZeroVectors", 0));
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
            throw new InvalidInputException("--truth", "an image-to-prompt competition needs its true embeddings");
        }
        if (workspace.submissionCount() > 0 || !workspace.truth().isEmpty()) {
            throw new InvalidInputException(workspace.file().toString(), "already holds a competition");
        }
        monitor.update(0, 1, "reading " + setup.truth().getFileName());
        if (isPromptsCsv(setup.truth())) {
            throw new InvalidInputException(setup.truth().toString(), "holds prompts (imgId,prompt); this build"
                    + " takes the true embeddings (imgId_eId,val): write them with embed-prompts first");
        }
        Map<String, float[]> truth = EmbeddingCsv.read(setup.truth(), null).byId();
        Map<String, Board> boards = BoardSplit.assign(truth.keySet(), setup.publicFraction(), setup.seed());
        List<TruthItem> items = new ArrayList<>(truth.size());
        truth.forEach((id, vector) -> items.add(new TruthItem(id, boards.get(id), null, vector)));
        String images = setup.images() == null ? null : setup.images().toAbsolutePath().normalize().toString();
        workspace.defineCompetition(ID, setup.publicFraction(), setup.seed(), images);
        workspace.addTruth(items);
        monitor.update(1, 1, "stored " + items.size() + " true embeddings");
    }

    private static boolean isPromptsCsv(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().map(h -> h.strip().replace("\uFEFF", "").startsWith("imgId,")).orElse(false);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
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
        monitor.update(0, 2, "reading " + submission.file().getFileName());
        EmbeddingCsv.Vectors predicted = EmbeddingCsv.read(submission.file(), ids);
        monitor.checkCancelled();
        monitor.update(1, 2, "scoring " + truth.size() + " images");
        Map<Board, List<ItemEvidence>> items = new HashMap<>();
        Map<Board, double[]> sums = new HashMap<>();
        for (TruthItem t : truth) {
            float[] p = predicted.byId().get(t.id());
            double cosine = Cosine.of(p, t.vector());
            boolean zero = Cosine.isZero(p);
            items.computeIfAbsent(t.board(), b -> new ArrayList<>())
                    .add(new ItemEvidence(t.id(), cosine, zero ? "zero vector (scores 0)" : null));
            double[] s = sums.computeIfAbsent(t.board(), b -> new double[3]);
            s[0] += cosine;
            s[1]++;
            s[2] += zero ? 1 : 0;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<NewBoardScore> scores = new ArrayList<>();
        for (Board board : boards) {
            double[] s = sums.getOrDefault(board, new double[3]);
            double mean = s[1] == 0 ? Double.NaN : s[0] / s[1];
            scores.add(new NewBoardScore(board, mean, Map.of("score", mean, "n_images", s[1], "zero_vectors", s[2]),
                    items.getOrDefault(board, List.of()), millis));
        }
        Path file = submission.file().toAbsolutePath();
        NewSubmission stored = new NewSubmission(submission.externalId(), submission.team(),
                file.getFileName().toString(), file.toString(), predicted.checksum(), null, predicted.byId().size(),
                null, List.of());
        long id = workspace.addScoredSubmission(stored, scores);
        monitor.update(2, 2, "scored");
        return id;
    }

    @Override
    public List<ItemEvidence> evidence(Workspace workspace, long submissionId, Board board) {
        return workspace.itemEvidence(submissionId, board);
    }
}
