package org.mifid.workbench.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.InvalidInputException;

/**
 * The Kaggle-format reader on files far larger than its read buffer, so that lines are cut at every possible
 * place: every value must come back exactly as the JDK reads its text, whatever the line ends.
 */
class SubmissionCsvTest {
    private static final int D = EmbeddingTable.DIMENSION;

    @TempDir
    Path dir;

    @Test
    void everyValueComesBackExactlyAsTheJdkReadsItAcrossBufferBoundaries() throws Exception {
        Random random = new Random(5);
        List<String> texts = new ArrayList<>();
        StringBuilder lf = new StringBuilder(SubmissionCsv.HEADER + "\n");
        StringBuilder crlf = new StringBuilder(SubmissionCsv.HEADER + "\r\n");
        int images = 120;
        for (int i = 0; i < images; i++) {
            for (int d = 0; d < D; d++) {
                double v = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 4);
                // the forms numbers take in real submissions: Python's repr, %.9g, exponents, plain zeros
                String text = switch (random.nextInt(5)) {
                    case 0 -> Double.toString(v);
                    case 1 -> String.format(Locale.ROOT, "%.9g", v);
                    case 2 -> String.format(Locale.ROOT, "%.6e", v);
                    case 3 -> Float.toString((float) v);
                    default -> random.nextBoolean() ? "0" : "-0.0";
                };
                texts.add(text);
                String row = "img" + i + "_" + d + "," + text;
                lf.append(row).append('\n');
                crlf.append(row).append("\r\n");
            }
        }
        // the last line without its line end
        Path a = write("lf.csv", lf.substring(0, lf.length() - 1));
        Path b = write("crlf.csv", crlf.toString());
        assertTrue(Files.size(a) > 4 << 16, "several read buffers");
        for (Path file : List.of(a, b)) {
            EmbeddingTable t = SubmissionCsv.read(file, null);
            assertEquals(images, t.size());
            for (int k = 0; k < texts.size(); k++) {
                assertEquals(Double.parseDouble(texts.get(k)), t.values()[k], 0, file + " value " + k);
            }
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file))), t.checksum());
            assertNull(SubmissionCsv.readValues(file, null).checksum(), "readValues does not hash");
        }
    }

    @Test
    void malformedLinesAreNamedWithTheirNumber() throws Exception {
        String rows = rows("a", 1);
        assertProblem(rows + "a_1,0.5,7\n", "x.csv:386: expected two fields 'imgId_eId,val'");
        assertProblem(rows + "a_1\n", "x.csv:386: expected two fields 'imgId_eId,val'");
        assertProblem(rows + "a1,0.5\n", "x.csv:386: 'a1' is not imgId_eId");
        assertProblem(rows + "a_x1,0.5\n", "x.csv:386: eId 'x1' is not a whole number");
        assertProblem(rows + "b_1," + "1".repeat(3 << 20) + "\n", "x.csv:386: line longer than 1 MiB");
    }

    private void assertProblem(String content, String message) throws Exception {
        Path file = write("x.csv", content);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SubmissionCsv.read(file, null));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static String rows(String id, double value) {
        StringBuilder sb = new StringBuilder(SubmissionCsv.HEADER + "\n");
        for (int d = 0; d < D; d++) {
            sb.append(id).append('_').append(d).append(',').append(value).append('\n');
        }
        return sb.toString();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
