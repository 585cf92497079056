package org.mifid.workbench.batch;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.io.BatchFolder;
import org.mifid.workbench.io.OutputFile;

/**
 * The job's results, one row per manifest row, and the CSV that {@code import-results} reads: the released 2019
 * columns for the job's leaderboard ({@code submission_id}, {@code <board>_score}, {@code FID_<board>},
 * {@code distance_<board>}) plus {@code team}, {@code archive} and {@code error} (empty when scored; the figures are
 * blank when not), then a column per copying measure id ({@code copy_share} ... {@code pixel_authenticity}, blank
 * where a measure has no value; the reasons are in the job folder). Figures are written in full precision so an import stores exactly what the job computed.
 */
final class ResultsTable {
    private ResultsTable() {
    }

    /** A manifest row with its archive's outcome. */
    record Row(Manifest.Entry entry, BatchFolder.ArchiveResult result) {
    }

    static List<Row> rows(List<Manifest.Entry> manifest, BatchFolder folder) {
        List<Row> rows = new ArrayList<>(manifest.size());
        for (Manifest.Entry e : manifest) {
            BatchFolder.ArchiveResult result = folder.result(BatchFolder.key(e.archive())).orElseThrow(() ->
                    new IllegalStateException("archive " + e.archive() + " was scheduled but has no result"));
            rows.add(new Row(e, result));
        }
        return rows;
    }

    static List<String> header(LeaderboardPreset board) {
        String b = board.id();
        List<String> header = new ArrayList<>(List.of("submission_id", "team", "archive", b + "_score", "FID_" + b,
                "distance_" + b, "error"));
        for (Measure m : Measure.values()) {
            header.add(m.id());
        }
        return header;
    }

    /** A scored archive's measures in {@link Measure} order, blank where one has no value (or none were kept). */
    private static List<String> measures(BatchFolder.ArchiveResult a) {
        List<String> cells = new ArrayList<>();
        for (Measure m : Measure.values()) {
            Double v = a.measures() == null ? null : a.measures().value(m);
            cells.add(v == null ? "" : Double.toString(v));
        }
        return cells;
    }

    static void writeCsv(Path file, LeaderboardPreset board, List<Row> rows) {
        OutputFile.write(file, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            csv.printRecord(header(board));
            for (Row r : rows) {
                BatchFolder.ArchiveResult a = r.result();
                List<String> cells = new ArrayList<>(a.scored()
                        ? List.of(r.entry().submissionId(), r.entry().team(), r.entry().archive(),
                                Double.toString(a.mifid()), Double.toString(a.fid()), Double.toString(a.distance()), "")
                        : List.of(r.entry().submissionId(), r.entry().team(), r.entry().archive(), "", "", "",
                                a.error()));
                cells.addAll(measures(a));
                csv.printRecord(cells);
            }
            csv.flush();
        });
    }
}
