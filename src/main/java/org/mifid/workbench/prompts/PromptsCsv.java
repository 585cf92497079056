package org.mifid.workbench.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.io.CsvText;

/**
 * Prompts by image id, {@code imgId,prompt}: the competition's truth, a prompt bank, or a team's predicted
 * prompts. Quoted fields (commas and newlines inside a prompt) are read by Commons CSV; every problem names the
 * file and the line.
 */
public final class PromptsCsv {
    public static final List<String> HEADER = List.of("imgId", "prompt");
    private static final long MAX_PROMPT = 100_000;

    /** The prompts in file order and the SHA-256 of the file's bytes. */
    public record Prompts(Map<String, String> byId, String checksum) {
        public List<String> ids() {
            return List.copyOf(byId.keySet());
        }

        public List<String> texts() {
            return List.copyOf(byId.values());
        }
    }

    private PromptsCsv() {
    }

    /** Whether the file starts with this format's header (anything else is read as embeddings). */
    public static boolean hasHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(64), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return start.startsWith(String.join(",", HEADER));
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * @param expected the image ids the file must cover exactly, or null to take any
     */
    public static Prompts read(Path file, Set<String> expected) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        try (InputStream bytes = new DigestInputStream(Files.newInputStream(file), sha);
                Reader reader = CsvText.open(bytes);
                CSVParser csv = CSVFormat.DEFAULT.builder().get().parse(reader)) {
            var records = csv.iterator();
            if (!records.hasNext()) {
                throw new InvalidInputException(file.toString(), "empty file");
            }
            CSVRecord header = records.next();
            List<String> names = header.stream().map(String::strip).toList();
            if (!names.equals(HEADER)) {
                throw new InvalidInputException(file + ":1", "header must be 'imgId,prompt', found '"
                        + printable(String.join(",", header.values())) + "'");
            }
            while (records.hasNext()) {
                CSVRecord r = records.next();
                String where = file + ":" + r.getParser().getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (r.size() != 2) {
                    throw new InvalidInputException(where, "expected two fields 'imgId,prompt', found " + r.size());
                }
                String id = r.get(0).strip();
                if (id.isEmpty()) {
                    throw new InvalidInputException(where, "empty image id");
                }
                if (r.get(1).length() > MAX_PROMPT) {
                    throw new InvalidInputException(where, "prompt longer than " + MAX_PROMPT + " characters");
                }
                if (expected != null && !expected.contains(id)) {
                    throw new InvalidInputException(where, "unknown image id '" + printable(id) + "'");
                }
                if (prompts.putIfAbsent(id, r.get(1)) != null) {
                    throw new InvalidInputException(where, "duplicate image id '" + printable(id) + "'");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw CsvText.unreadable(file, e);
        }
        if (prompts.isEmpty()) {
            throw new InvalidInputException(file.toString(), "no rows after the header");
        }
        if (expected != null && prompts.size() < expected.size()) {
            Set<String> absent = new TreeSet<>(expected);
            absent.removeAll(prompts.keySet());
            throw new InvalidInputException(file.toString(), "missing image id " + printable(absent.iterator().next())
                    + (absent.size() > 1 ? " and " + (absent.size() - 1) + " more" : ""));
        }
        return new Prompts(prompts, HexFormat.of().formatHex(sha.digest()));
    }

    private static String printable(String text) {
        return PrintableText.shorten(PrintableText.escape(text), 60);
    }
}
