package org.mifid.workbench.prompts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes embeddings in the submission format with 9 significant digits, enough to give back every float. */
public final class EmbeddingCsvWriter {
    private EmbeddingCsvWriter() {
    }

    public static void write(EmbeddingTable table, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(SubmissionCsv.HEADER);
        w.write('\n');
        double[] v = table.values();
        for (int row = 0; row < table.size(); row++) {
            String id = table.ids().get(row);
            for (int d = 0; d < EmbeddingTable.DIMENSION; d++) {
                w.write(id);
                w.write('_');
                w.write(Integer.toString(d));
                w.write(',');
                w.write(String.format(Locale.ROOT, "%.9g", v[row * EmbeddingTable.DIMENSION + d]));
                w.write('\n');
            }
        }
        w.flush();
    }
}
