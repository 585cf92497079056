package org.mifid.workbench.prompts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.io.OutputFile;

/**
 * Embeddings of a prompts file, computed once: kept in a cache folder under the SHA-256 of the file's bytes, so
 * the same truth or bank is embedded on first use only. The embedder is opened only when the cache misses.
 */
public final class PromptEmbeddings {
    private final Path cacheDir;

    /** @param cacheDir the folder for cached embeddings, or null to cache nothing */
    public PromptEmbeddings(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** The embeddings of {@code prompts}, in its order. */
    public EmbeddingTable of(PromptsCsv.Prompts prompts, ProgressMonitor monitor) {
        Path cached = cacheDir == null ? null : cacheDir.resolve("prompt-embeddings").resolve(prompts.checksum()
                + ".csv");
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                EmbeddingTable table = SubmissionCsv.read(cached, Set.copyOf(prompts.ids()));
                if (table.ids().equals(prompts.ids())) {
                    return new EmbeddingTable(table.ids(), table.values(), prompts.checksum());
                }
            } catch (InvalidInputException e) {
                // a damaged cache entry is recomputed below and replaced
            }
        }
        EmbeddingTable table;
        try (PromptEmbedder embedder = PromptEmbedder.open()) {
            table = EmbeddingTable.of(prompts.ids(), embedder.embed(prompts.texts(), monitor), prompts.checksum());
        }
        if (cached != null) {
            try {
                Files.createDirectories(cached.getParent());
                OutputFile.write(cached, out -> EmbeddingCsvWriter.write(table, out));
            } catch (IOException | UncheckedIOException | InvalidInputException e) {
                // the cache is an optimisation: a read-only cache folder costs time, not the result
            }
        }
        return table;
    }
}
