package org.mifid.workbench.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.io.CsvText;

/**
 * The submissions a batch job scores: a CSV with the header {@code submission_id,team,archive}, one row per
 * submission. A relative archive location is taken from the manifest's folder. Ids must be unique; two rows may
 * name the same archive (it is scored once).
 */
public final class Manifest {
    static final List<String> HEADER = List.of("submission_id", "team", "archive");

    /** One row: the archive as an absolute, normalised location (the key of its result). */
    public record Entry(String submissionId, String team, String archive) {
    }

    private Manifest() {
    }

    public static List<Entry> read(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(source, "no such file");
        }
        Path base = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        try (Reader in = CsvText.open(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).get().parse(in)) {
            CsvText.requireUniqueNames(parser.getHeaderNames(), source);
            if (!parser.getHeaderNames().containsAll(HEADER)) {
                throw new InvalidInputException(source + ":1", "the header must name " + String.join(",", HEADER)
                        + " (found " + PrintableText.of(String.join(",", parser.getHeaderNames())) + ")");
            }
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                String id = field(r, "submission_id", source, line);
                String team = field(r, "team", source, line);
                String archive = field(r, "archive", source, line);
                Long earlier = ids.putIfAbsent(id, line);
                if (earlier != null) {
                    throw new InvalidInputException(source + ":" + line, "submission " + PrintableText.of(id)
                            + " already on line " + earlier);
                }
                entries.add(new Entry(id, team, base.resolve(archive).toAbsolutePath().normalize().toString()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw CsvText.unreadable(file, e);
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(source, "no submissions listed");
        }
        return entries;
    }

    private static String field(CSVRecord r, String column, String source, long line) {
        if (!r.isConsistent() || !r.isSet(column)) {
            throw new InvalidInputException(source + ":" + line, "expected " + HEADER.size() + " columns");
        }
        String value = r.get(column).strip();
        if (value.isEmpty()) {
            throw new InvalidInputException(source + ":" + line, "empty " + column);
        }
        return value;
    }
}
