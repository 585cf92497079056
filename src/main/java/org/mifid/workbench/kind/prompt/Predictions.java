package org.mifid.workbench.kind.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.prompts.EmbeddingTable;
import org.mifid.workbench.prompts.PromptEmbedder;
import org.mifid.workbench.prompts.PromptsCsv;
import org.mifid.workbench.prompts.SubmissionCsv;

/**
 * Embeddings by image id from either file the kind takes: the competition's format ({@code imgId_eId,val}, read
 * as is) or prompts ({@code imgId,prompt}, embedded here once, their text kept). Truth and submissions are read
 * the same way, so a competition can be created from prompts and scored against embeddings and the other way.
 *
 * @param texts the prompts by row, or null when the file held embeddings
 */
record Predictions(EmbeddingTable table, List<String> texts) {

    /** @param expected the image ids the file must cover exactly, or null to take any */
    static Predictions read(Path file, Set<String> expected, ProgressMonitor monitor) {
        monitor.update(0, 1, "reading " + file.getFileName());
        if (!isPromptsCsv(file)) {
            // the competition's own format; an empty file or another header is refused naming that format
            return new Predictions(SubmissionCsv.read(file, expected), null);
        }
        PromptsCsv.Prompts prompts = PromptsCsv.read(file, expected);
        monitor.update(0, prompts.ids().size(), "embedding " + prompts.ids().size() + " prompts");
        float[][] vectors;
        try (PromptEmbedder embedder = PromptEmbedder.open()) {
            vectors = embedder.embed(prompts.texts(), monitor);
        }
        return new Predictions(EmbeddingTable.of(prompts.ids(), vectors, prompts.checksum()), prompts.texts());
    }

    private static boolean isPromptsCsv(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(64), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return start.startsWith("imgId,") || start.startsWith("\"imgId\",");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    List<String> ids() {
        return table.ids();
    }

    Map<String, Integer> rows() {
        return table.rows();
    }

    String checksum() {
        return table.checksum();
    }

    /** The prompt of a row, null when the file held embeddings. */
    String text(int row) {
        return texts == null ? null : texts.get(row);
    }

    float[] vector(int row) {
        return table.vector(row);
    }

    /** The competition's per-image score, in double precision on the values as read; a zero vector scores 0. */
    double cosine(int row, float[] truth) {
        double[] values = table.values();
        int at = row * EmbeddingTable.DIMENSION;
        double dot = 0;
        double np = 0;
        double nt = 0;
        for (int d = 0; d < EmbeddingTable.DIMENSION; d++) {
            double p = values[at + d];
            dot += p * truth[d];
            np += p * p;
            nt += (double) truth[d] * truth[d];
        }
        return np == 0 || nt == 0 ? 0 : dot / (Math.sqrt(np) * Math.sqrt(nt));
    }

    boolean isZero(int row) {
        double[] values = table.values();
        for (int d = 0, at = row * EmbeddingTable.DIMENSION; d < EmbeddingTable.DIMENSION; d++) {
            if (values[at + d] != 0) {
                return false;
            }
        }
        return true;
    }
}
