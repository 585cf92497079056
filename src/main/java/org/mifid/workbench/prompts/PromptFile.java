package org.mifid.workbench.prompts;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * Embeddings by image id from either file the image-to-prompt kind takes: the competition's format
 * ({@code imgId_eId,val}, read as is) or prompts ({@code imgId,prompt}, embedded, their text kept). Truth and
 * submissions, in a workspace or not, are read by this one reader, so a competition created from prompts can be
 * scored against embeddings and the other way round.
 *
 * @param texts the prompts by row, or null when the file held embeddings
 */
public record PromptFile(EmbeddingTable table, List<String> texts) {

    /**
     * @param expected the image ids the file must cover exactly, or null to take any
     * @param embeddings where prompts are embedded (and perhaps cached)
     * @param checksum whether the table carries the SHA-256 of the file (a store keeps it; a one-off score
     *     need not pay for it)
     * @param monitor told about the embedding of prompts (reading embeddings takes a second or two)
     */
    public static PromptFile read(Path file, Set<String> expected, PromptEmbeddings embeddings, boolean checksum,
                                  ProgressMonitor monitor) {
        if (!PromptsCsv.isPromptsFile(file)) {
            // the competition's own format; an empty file or another header is refused naming that format
            return new PromptFile(checksum ? SubmissionCsv.read(file, expected)
                    : SubmissionCsv.readValues(file, expected), null);
        }
        PromptsCsv.Prompts prompts = PromptsCsv.read(file, expected);
        monitor.update(0, prompts.ids().size(), "embedding " + prompts.ids().size() + " prompts");
        return new PromptFile(embeddings.of(prompts, monitor), prompts.texts());
    }

    public List<String> ids() {
        return table.ids();
    }

    /** The prompt of a row, null when the file held embeddings. */
    public String text(int row) {
        return texts == null ? null : texts.get(row);
    }
}
