package org.mifid.workbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.prompts.BoardSplit;
import org.mifid.workbench.prompts.EmbeddingTable;
import org.mifid.workbench.prompts.PromptBank;
import org.mifid.workbench.prompts.PromptEmbeddings;
import org.mifid.workbench.prompts.PromptFile;
import org.mifid.workbench.prompts.PromptScore;
import org.mifid.workbench.prompts.PromptScorer;
import org.mifid.workbench.prompts.PromptsCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score-prompts", mixinStandardHelpOptions = true,
        description = "Scores an image-to-prompt submission (imgId_eId,val, or predicted prompts imgId,prompt)"
                + " against the truth (prompts, embedded once and cached, or their embeddings), without a"
                + " workspace.")
public final class ScorePromptsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "P.csv|E.csv")
    Path truth;

    @Option(names = "--submission", required = true, paramLabel = "S.csv")
    Path submission;

    @Option(names = "--public-fraction", defaultValue = "0.2", paramLabel = "F")
    double publicFraction;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N")
    long seed;

    @Option(names = "--near-exact", defaultValue = "0.95", paramLabel = "COSINE",
            description = "The cosine from which a prediction counts as near-exact (default ${DEFAULT-VALUE}).")
    double nearExact;

    @Option(names = "--bank", paramLabel = "BANK.csv",
            description = "Public prompts (imgId,prompt): the nearest bank prompt of each truth and prediction.")
    Path bank;

    @Option(names = "--per-image", description = "Add each image's cosine (and bank neighbour) to the JSON.")
    boolean perImage;

    @Option(names = "--json", description = "One JSON object on standard output.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(publicFraction > 0 && publicFraction < 1)) {
            throw new InvalidInputException("--public-fraction", "must be between 0 and 1, got " + publicFraction);
        }
        ProgressMonitor progress = new ConsoleProgress(spec.commandLine().getErr());
        PromptEmbeddings embeddings = new PromptEmbeddings(AppPaths.cacheDir());
        // embeddings as written (not hashed: nothing is stored), prompts embedded once and cached by checksum
        EmbeddingTable truthTable = PromptFile.read(EmbedPromptsCommand.existing(truth), null, embeddings, false,
                progress).table();
        Set<String> ids = Set.copyOf(truthTable.ids());
        EmbeddingTable predicted = PromptFile.read(EmbedPromptsCommand.existing(submission), ids, embeddings, false,
                progress).table();
        PromptBank promptBank = null;
        PromptsCsv.Prompts bankPrompts = null;
        if (bank != null) {
            bankPrompts = PromptsCsv.read(EmbedPromptsCommand.existing(bank), null);
            promptBank = new PromptBank(bankPrompts.texts(), embeddings.of(bankPrompts, progress));
        }
        Map<String, Board> boards = BoardSplit.assign(truthTable.ids(), publicFraction, seed);
        PromptScore score = PromptScorer.score(truthTable, predicted, boards, nearExact, promptBank);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", score.score());
        out.put("public", score.publicScore());
        out.put("private", score.privateScore());
        out.put("n_images", score.images());
        out.put("zero_vectors", score.zeroVectors());
        out.put("baseline_public", score.baselinePublic());
        out.put("baseline_private", score.baselinePrivate());
        out.put("near_exact_level", nearExact);
        out.put("near_exact_share", score.nearExactShare());
        out.put("public_fraction", publicFraction);
        out.put("seed", seed);
        if (promptBank != null) {
            int lookedUp = 0;
            for (int row = 0; row < truthTable.size(); row++) {
                lookedUp += promptBank.nearest(truthTable.values(), row).cosine() >= nearExact ? 1 : 0;
            }
            out.put("bank_size", promptBank.size());
            out.put("truth_in_bank_share", (double) lookedUp / truthTable.size());
        }
        if (perImage) {
            List<Map<String, Object>> images = new ArrayList<>();
            for (PromptScore.ImageScore image : score.perImage()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", image.id());
                m.put("board", image.board().id());
                m.put("cosine", image.cosine());
                m.put("zero_vector", image.zeroVector());
                if (image.nearestBank() != null) {
                    m.put("nearest_bank_prompt", image.nearestBank());
                    m.put("nearest_bank_cosine", image.nearestBankCosine());
                }
                images.add(m);
            }
            out.put("images", images);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().writeValueAsString(out));
        } else {
            w.printf(Locale.ROOT, "score %.6f  public %.6f  private %.6f  (%d images, %d zero vectors)%n",
                    score.score(), score.publicScore(), score.privateScore(), score.images(), score.zeroVectors());
            w.printf(Locale.ROOT, "mean-vector baseline: public %.6f  private %.6f%n", score.baselinePublic(),
                    score.baselinePrivate());
            w.printf(Locale.ROOT, "near-exact (cosine >= %.2f): %.1f %% of images%n", nearExact,
                    100 * score.nearExactShare());
            if (out.containsKey("truth_in_bank_share")) {
                w.printf(Locale.ROOT, "true prompts with a near-exact bank prompt: %.1f %%%n",
                        100 * (double) out.get("truth_in_bank_share"));
            }
        }
        w.flush();
        return 0;
    }
}
