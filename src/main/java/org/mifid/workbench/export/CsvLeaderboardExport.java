package org.mifid.workbench.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mifid.workbench.export.AnnotatedLeaderboard.RankedRow;

/**
 * The leaderboard as CSV in Kaggle's column conventions (Rank, TeamName, SubmissionId, Score, SubmissionDate)
 * followed by the memorization columns, the review and the copying measures (empty where a measure has no
 * value). UTF-8, RFC 4180 quoting.
 *
 * <p>Spreadsheets run a cell starting with {@code = + - @}, tab or carriage return as a formula (CSV injection),
 * so such text cells get a leading apostrophe. Numbers are written as numbers and never altered: a negative
 * value stays numeric.
 */
public final class CsvLeaderboardExport {
    /** The columns: Kaggle's, the memorization figures, the review, then each copying measure by its id. */
    public static final List<String> HEADER = Stream.concat(Stream.of("Rank", "TeamName", "SubmissionId",
            "WorkspaceId", "Score", "SubmissionDate", "FID", "Distance", "Threshold", "ThresholdedDistance", "MiFID",
            "Penalised", "Disqualified", "Label", "Verdict", "Note", "Reviewer", "ReviewedAt"),
            Arrays.stream(Measure.values()).map(Measure::id)).toList();

    private CsvLeaderboardExport() {
    }

    public static void write(AnnotatedLeaderboard board, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(HEADER);
        for (RankedRow r : board.rows()) {
            var s = r.submission();
            var v = r.verdict();
            List<Object> cells = new ArrayList<>(List.of(
                    r.rank(),
                    text(s.team()),
                    text(s.externalId()),
                    s.id(),
                    r.kaggleScore(),
                    s.submittedAt() == null ? "" : s.submittedAt().toString(),
                    r.score().fid(),
                    r.score().distance(),
                    board.threshold(),
                    r.penalised() ? r.score().distance() : 1.0,
                    r.mifid(),
                    r.penalised(),
                    r.disqualified(),
                    text(s.label()),
                    r.currentVerdict().label(),
                    text(v == null ? null : v.note()),
                    text(v == null ? null : v.reviewer()),
                    v == null || v.decidedAt() == null ? "" : v.decidedAt().toString()));
            MeasureValues measures = board.measures(r);
            for (Measure m : Measure.values()) {
                Double value = measures == null ? null : measures.value(m);
                cells.add(value == null ? "" : value);
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    /** A text cell a spreadsheet will show as text, never evaluate. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
