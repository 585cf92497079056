package org.mifid.workbench.kind.prompt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;

/**
 * Embeddings in the competition's submission format ({@code imgId_eId,val}, one row per image and dimension),
 * read as a stream: one float array per image, never an object per row. Every malformed line is refused with
 * the file, the line number and the problem.
 */
final class EmbeddingCsv {
    static final String HEADER = "imgId_eId,val";
    /** The dimension of all-MiniLM-L6-v2 sentence embeddings. */
    static final int DIMENSION = 384;

    /** The vectors by image id in file order, and the SHA-256 of the file's bytes. */
    record Vectors(Map<String, float[]> byId, String checksum) {
    }

    private EmbeddingCsv() {
    }

    /**
     * @param expected the image ids a file must cover exactly, or null to take any
     */
    static Vectors read(Path file, Set<String> expected) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        Map<String, BitSet> seen = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new DigestInputStream(Files.newInputStream(file), sha), StandardCharsets.UTF_8), 1 << 16)) {
            String header = in.readLine();
            if (header == null) {
                throw new InvalidInputException(file.toString(), "empty file");
            }
            if (!header.strip().replace("\uFEFF", "").equals(HEADER)) {
                throw new InvalidInputException(file + ":1", "header must be '" + HEADER + "', found '"
                        + printable(header) + "'");
            }
            String line;
            long number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                readRow(line, file + ":" + number, expected, vectors, seen);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        for (Map.Entry<String, BitSet> e : seen.entrySet()) {
            int missing = e.getValue().nextClearBit(0);
            if (missing < DIMENSION) {
                throw new InvalidInputException(file.toString(), "image " + printable(e.getKey())
                        + " has no row for eId " + missing + " (" + (DIMENSION - e.getValue().cardinality()) + " of " + DIMENSION + " missing)");
            }
        }
        if (expected != null && vectors.size() < expected.size()) {
            Set<String> absent = new TreeSet<>(expected);
            absent.removeAll(vectors.keySet());
            throw new InvalidInputException(file.toString(), "missing image id " + printable(absent.iterator().next())
                    + (absent.size() > 1 ? " and " + (absent.size() - 1) + " more" : ""));
        }
        if (vectors.isEmpty()) {
            throw new InvalidInputException(file.toString(), "no rows after the header");
        }
        return new Vectors(vectors, HexFormat.of().formatHex(sha.digest()));
    }

    private static void readRow(String line, String where, Set<String> expected, Map<String, float[]> vectors,
            Map<String, BitSet> seen) {
        int comma = line.indexOf(',');
        if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
            throw new InvalidInputException(where, "expected two fields 'imgId_eId,val'");
        }
        String key = line.substring(0, comma).strip();
        int underscore = key.lastIndexOf('_');
        if (underscore <= 0) {
            throw new InvalidInputException(where, "'" + printable(key) + "' is not imgId_eId");
        }
        String id = key.substring(0, underscore);
        int eId;
        try {
            eId = Integer.parseInt(key.substring(underscore + 1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where, "eId '" + printable(key.substring(underscore + 1))
                    + "' is not a whole number");
        }
        if (eId < 0 || eId >= DIMENSION) {
            throw new InvalidInputException(where, "eId " + eId + " out of range 0.." + (DIMENSION - 1));
        }
        if (expected != null && !expected.contains(id)) {
            throw new InvalidInputException(where, "unknown image id '" + printable(id) + "'");
        }
        String text = line.substring(comma + 1).strip();
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where, "value '" + printable(text) + "' is not a number");
        }
        if (!Float.isFinite(value)) {
            throw new InvalidInputException(where, "value '" + printable(text) + "' is not finite");
        }
        BitSet bits = seen.computeIfAbsent(id, k -> new BitSet(DIMENSION));
        if (bits.get(eId)) {
            throw new InvalidInputException(where, "duplicate row for image " + printable(id) + ", eId " + eId);
        }
        bits.set(eId);
        vectors.computeIfAbsent(id, k -> new float[DIMENSION])[eId] = value;
    }

    private static String printable(String text) {
        return PrintableText.shorten(PrintableText.escape(text), 60);
    }
}
