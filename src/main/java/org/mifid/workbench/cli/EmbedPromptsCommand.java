package org.mifid.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.io.OutputFile;
import org.mifid.workbench.prompts.EmbeddingCsvWriter;
import org.mifid.workbench.prompts.EmbeddingTable;
import org.mifid.workbench.prompts.PromptEmbedder;
import org.mifid.workbench.prompts.PromptsCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "embed-prompts", mixinStandardHelpOptions = true,
        description = "Embeds imgId,prompt with all-MiniLM-L6-v2 as the image-to-prompt competition did, writing"
                + " the submission format imgId_eId,val (9 significant digits).")
public final class EmbedPromptsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--prompts", required = true, paramLabel = "P.csv", description = "imgId,prompt")
    Path prompts;

    @Option(names = "--out", required = true, paramLabel = "E.csv")
    Path out;

    @Override
    public Integer call() {
        OutputFile.check(out, prompts);
        PromptsCsv.Prompts read = PromptsCsv.read(existing(prompts), null);
        EmbeddingTable table;
        try (PromptEmbedder embedder = PromptEmbedder.open()) {
            table = EmbeddingTable.of(read.ids(), embedder.embed(read.texts(),
                    new ConsoleProgress(spec.commandLine().getErr())), read.checksum());
        }
        OutputFile.write(out, stream -> EmbeddingCsvWriter.write(table, stream), prompts);
        spec.commandLine().getOut().printf("wrote %d embeddings to %s%n", table.size(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static Path existing(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new InvalidInputException(file.toString(), "no such file");
        }
        return file;
    }
}
