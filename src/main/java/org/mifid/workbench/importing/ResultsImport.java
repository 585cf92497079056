package org.mifid.workbench.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.engine.MifidScore;
import org.mifid.workbench.io.CsvText;
import org.mifid.workbench.io.InputFile;
import org.mifid.workbench.store.NewScoredSubmission;
import org.mifid.workbench.store.NewSubmission;
import org.mifid.workbench.store.ScoredLeaderboard;
import org.mifid.workbench.store.Workspace;

/**
 * Brings scores from a competition's own scoring pipeline into a workspace: one row per submission with FID
 * and memorization distance per leaderboard. The whole file is read and checked first and then stored in one
 * transaction, so a file with a malformed row changes nothing (unless bad rows are to be skipped).
 *
 * <p>The stored MiFID is recomputed from FID and distance under the leaderboard's preset threshold; a score
 * column, when present, is only compared with it. The 2019 organizers marked disqualified submissions with a
 * private score of 999999: such a row is stored with its real FID and distance plus a cheater verdict.
 *
 * <p>A row's identity is its submission id (or, without an id column, its team, FIDs and distances); its SHA-256 is
 * the submission checksum, so importing the same rows again finds them already present and stores nothing twice.
 */
public final class ResultsImport {
    static final double SCORE_TOLERANCE = 1e-6;
    private static final String REVIEWER = "imported";

    private final Workspace workspace;

    public ResultsImport(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Imports {@code file}.
     *
     * @param skipBadRows import the good rows of a file that has malformed ones (they are listed in the report);
     *     otherwise the first malformed row stops the import with an {@link InvalidInputException} naming its line
     */
    public ImportReport importFile(Path file, ColumnMapping mapping, boolean skipBadRows, ProgressMonitor monitor) {
        long start = System.nanoTime();
        String source = file.toString();
        InputFile.requireRegular(file);
        Set<String> known = new HashSet<>();
        for (Submission s : workspace.submissions()) {
            known.add(s.checksum());
        }
        RowReader reader = new RowReader(file);
        try (Reader in = CsvText.open(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).get().parse(in)) {
            CsvText.requireUniqueNames(parser.getHeaderNames(), source);
            reader.columns = mapping.resolve(parser.getHeaderNames(), source);
            long endOfPrevious = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // bytes that are not UTF-8, unbalanced quotes and the like: the rest cannot be trusted
                    throw CsvText.unreadable(file, endOfPrevious + 1, e);
                }
                long line = endOfPrevious + 1;
                endOfPrevious = parser.getCurrentLineNumber();
                reader.read(record, line, known);
                if (reader.rows % 1000 == 0) {
                    monitor.checkCancelled();
                    monitor.update(reader.rows, 0, "read " + reader.rows + " rows");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw CsvText.unreadable(file, e);
        }
        if (!reader.problems.isEmpty() && !skipBadRows) {
            throw malformed(source, reader.problems);
        }
        monitor.checkCancelled();
        monitor.update(reader.rows, reader.rows, "storing " + reader.batch.size() + " submissions");
        workspace.addSubmissions(reader.batch);
        return new ImportReport(file, mapping.formatName(), reader.rows, reader.batch.size(), reader.alreadyPresent,
                reader.disqualified, List.copyOf(reader.problems), List.copyOf(reader.mismatches),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** One line naming the first bad row, how many there are and where the next ones are. */
    private static InvalidInputException malformed(String source, List<ImportReport.RowProblem> problems) {
        ImportReport.RowProblem first = problems.get(0);
        StringBuilder more = new StringBuilder();
        if (problems.size() > 1) {
            more.append("; ").append(problems.size() - 1).append(" more malformed row(s), on line(s) ");
            problems.stream().skip(1).limit(10).forEach(p -> more.append(p.line()).append(' '));
            if (problems.size() > 11) {
                more.append("...");
            }
        }
        return new InvalidInputException(source + ":" + first.line(), first.problem() + more.toString().stripTrailing()
                + " (nothing imported; skip-bad-rows imports the other rows)");
    }

    /** Turns records into submissions, collecting problems; state for one file. */
    private static final class RowReader {
        private final String fileName;
        private final MessageDigest sha256;
        private final Map<String, Long> idsSeen = new HashMap<>();
        private final List<NewScoredSubmission> batch = new ArrayList<>();
        private final List<ImportReport.RowProblem> problems = new ArrayList<>();
        private final List<ImportReport.ScoreMismatch> mismatches = new ArrayList<>();
        private Map<ResultField, String> columns;
        private int rows;
        private int alreadyPresent;
        private int disqualified;

        RowReader(Path file) {
            this.fileName = file.getFileName().toString();
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        void read(CSVRecord record, long line, Set<String> known) {
            rows++;
            try {
                NewScoredSubmission item = parse(record, line);
                if (known.contains(item.submission().checksum())) {
                    alreadyPresent++;
                    return;
                }
                if (item.verdict() != null) {
                    disqualified++;
                }
                batch.add(item);
            } catch (BadRow e) {
                problems.add(new ImportReport.RowProblem(line, e.getMessage()));
            }
        }

        private NewScoredSubmission parse(CSVRecord record, long line) {
            if (!record.isConsistent()) {
                throw new BadRow("expected " + record.getParser().getHeaderNames().size() + " columns, found "
                        + record.size());
            }
            String id = text(record, ResultField.ID);
            if (columns.containsKey(ResultField.ID)) {
                if (id == null) {
                    throw new BadRow("empty " + columns.get(ResultField.ID));
                }
                Long earlier = idsSeen.putIfAbsent(id, line);
                if (earlier != null) {
                    throw new BadRow("submission " + id + " already on line " + earlier);
                }
            }
            List<ScoredLeaderboard> scores = new ArrayList<>(2);
            VerdictEntry verdict = null;
            for (LeaderboardPreset lb : LeaderboardPreset.values()) {
                if (!columns.containsKey(ResultField.fid(lb))) {
                    continue;
                }
                double fid = number(record, ResultField.fid(lb));
                double distance = number(record, ResultField.distance(lb));
                if (fid < 0) {
                    throw new BadRow(columns.get(ResultField.fid(lb)) + " is negative (" + fid + ")");
                }
                if (distance < 0 || distance > 1) {
                    throw new BadRow(columns.get(ResultField.distance(lb)) + " is outside [0, 1] (" + distance
                            + "): a cosine distance 1 - |cos| cannot be");
                }
                double eps = lb.epsilon();
                double recomputed = MifidScore.mifid(fid, distance, eps);
                if (columns.containsKey(ResultField.score(lb))) {
                    double fileScore = number(record, ResultField.score(lb));
                    if (fileScore == Verdict.DISQUALIFIED_SCORE) {
                        verdict = new VerdictEntry(0, Verdict.CHEATER, "disqualified by the organizers: "
                                + columns.get(ResultField.score(lb)) + " = 999999 in " + fileName + " line " + line,
                                REVIEWER, null, lb, eps, "import " + fileName);
                    } else if (Math.abs(fileScore - recomputed) > SCORE_TOLERANCE * Math.abs(recomputed)) {
                        mismatches.add(new ImportReport.ScoreMismatch(line, id, lb, fileScore, recomputed));
                    }
                }
                MifidScore score = new MifidScore(fid, distance, eps, MifidScore.threshold(distance, eps),
                        recomputed, 0, 0, lb.dimension(), false);
                scores.add(new ScoredLeaderboard(lb, score, lb.extractorId(), 0, null, 0, null));
            }
            String checksum = id != null ? rowChecksum(id) : sha256(valueIdentity(record, scores));
            String team = text(record, ResultField.TEAM);
            if (team == null) {
                team = id != null ? "submission " + id : "row " + line;
            }
            NewSubmission submission = new NewSubmission(id, team, fileName, null, checksum, null, 0,
                    text(record, ResultField.LABEL), List.of());
            return new NewScoredSubmission(submission, scores, verdict);
        }

        /** Without an id column a row is known by its team and numbers. */
        private String valueIdentity(CSVRecord record, List<ScoredLeaderboard> scores) {
            StringBuilder identity = new StringBuilder("mifid-results-row\u0000team=")
                    .append(text(record, ResultField.TEAM));
            for (ScoredLeaderboard s : scores) {
                identity.append('\u0000').append(s.leaderboard().id()).append('=').append(s.score().fid()).append(',')
                        .append(s.score().distance());
            }
            return identity.toString();
        }

        private String text(CSVRecord record, ResultField field) {
            String column = columns.get(field);
            if (column == null) {
                return null;
            }
            String value = record.get(column).strip();
            return value.isEmpty() ? null : value;
        }

        private double number(CSVRecord record, ResultField field) {
            String value = text(record, field);
            if (value == null) {
                throw new BadRow("empty " + columns.get(field));
            }
            try {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d)) {
                    throw new BadRow(columns.get(field) + " is not finite ('" + value + "')");
                }
                return d;
            } catch (NumberFormatException e) {
                throw new BadRow(columns.get(field) + " is not a number ('" + abbreviate(value) + "')");
            }
        }

        private String sha256(String text) {
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The identity of an imported row that has a submission id: the SHA-256 of the id, namespaced. */
    static String rowChecksum(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("mifid-results-row\u0000id=" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /** A malformed row; carries the problem without the line, which the caller knows. */
    private static final class BadRow extends RuntimeException {
        BadRow(String problem) {
            super(problem, null, false, false);
        }
    }
}
