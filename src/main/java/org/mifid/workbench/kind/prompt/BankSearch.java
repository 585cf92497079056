package org.mifid.workbench.kind.prompt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mifid.workbench.core.BankPrompt;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.TruthItem;
import org.mifid.workbench.kind.BankExposure;
import org.mifid.workbench.kind.BankMatch;
import org.mifid.workbench.prompts.Cosine;
import org.mifid.workbench.prompts.EmbeddingTable;
import org.mifid.workbench.prompts.PromptBank;
import org.mifid.workbench.prompts.PromptEmbeddings;
import org.mifid.workbench.prompts.PromptsCsv;
import org.mifid.workbench.prompts.SubmissionCsv;
import org.mifid.workbench.store.Workspace;

/**
 * The image-to-prompt kind's uses of the competition's public prompt bank: storing it embedded when the
 * competition is created, and reading a submission's predicted embeddings back as the bank prompts nearest to them
 * (the workspace keeps each image's cosine, not the 384 values, so the vectors are read again from the file that
 * was scored, checked against its stored SHA-256).
 */
final class BankSearch {
    private BankSearch() {
    }

    /** Embeds the bank file's prompts (once, here) and stores them with the competition. */
    static void store(Workspace workspace, Path bankFile, PromptEmbeddings embeddings, ProgressMonitor monitor) {
        PromptsCsv.Prompts prompts = PromptsCsv.read(bankFile, null);
        EmbeddingTable table = embeddings.of(prompts, monitor);
        List<BankPrompt> bank = new ArrayList<>(table.size());
        List<String> texts = prompts.texts();
        for (int row = 0; row < table.size(); row++) {
            bank.add(new BankPrompt(table.ids().get(row), texts.get(row), table.vector(row)));
        }
        workspace.addBank(bank);
    }

    static Map<String, List<BankMatch>> nearest(Workspace workspace, long submissionId, Board board, int k) {
        List<BankPrompt> stored = workspace.bank();
        Submission submission = workspace.submission(submissionId).orElse(null);
        if (stored.isEmpty() || submission == null || submission.path() == null) {
            return Map.of();
        }
        Path file = Path.of(submission.path());
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file.toString(), "the scored submission file is no longer there;"
                    + " its predicted embeddings are read from it for the nearest bank prompts");
        }
        if (PromptsCsv.isPromptsFile(file)) {
            // a submission of text shows its own predicted prompts
            return Map.of();
        }
        List<TruthItem> items = workspace.truth().stream().filter(t -> t.board() == board).toList();
        Set<String> ids = new HashSet<>();
        workspace.truth().forEach(t -> ids.add(t.id()));
        EmbeddingTable predicted = SubmissionCsv.read(file, ids);
        if (!predicted.checksum().equals(submission.checksum())) {
            throw new InvalidInputException(file.toString(), "changed since it was scored (its SHA-256 differs);"
                    + " no nearest bank prompts are read from it");
        }
        PromptBank bank = PromptBank.of(stored);
        Map<String, Integer> rows = predicted.rows();
        Map<String, List<BankMatch>> out = new LinkedHashMap<>(items.size() * 2);
        for (TruthItem item : items) {
            int row = rows.get(item.id());
            if (Cosine.isZero(predicted.values(), row, EmbeddingTable.DIMENSION)) {
                // a zero vector is near nothing; its evidence already says it scores 0
                continue;
            }
            out.put(item.id(), bank.nearest(predicted.values(), row, k).stream()
                    .map(m -> new BankMatch(m.prompt(), m.cosine())).toList());
        }
        return out;
    }

    /** Every true prompt's nearest bank prompt, most exposed first, ties by item id. */
    static List<BankExposure> exposed(Workspace workspace) {
        List<BankPrompt> stored = workspace.bank();
        if (stored.isEmpty()) {
            return List.of();
        }
        PromptBank bank = PromptBank.of(stored);
        List<TruthItem> items = workspace.truth();
        int d = EmbeddingTable.DIMENSION;
        double[] truth = new double[items.size() * d];
        for (int i = 0; i < items.size(); i++) {
            float[] v = items.get(i).vector();
            for (int j = 0; j < d; j++) {
                truth[i * d + j] = v[j];
            }
        }
        List<BankExposure> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            PromptBank.Match m = bank.nearest(truth, i);
            TruthItem t = items.get(i);
            out.add(new BankExposure(t.id(), t.board(), t.text(), m.prompt(), m.cosine()));
        }
        out.sort(java.util.Comparator.comparingDouble(BankExposure::cosine).reversed()
                .thenComparing(BankExposure::item));
        return out;
    }
}
