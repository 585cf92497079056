package org.mifid.workbench.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.io.OutputFile;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.ScoreColumn;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.store.Workspace;

/**
 * The board of a kind without a tuned threshold as CSV (Kaggle's leading columns, then the kind's columns, whether
 * the row is below the kind's baseline, then the review), JSON (the same fields, figures as numbers, and the
 * baseline itself) or an HTML report ({@link KindBoardHtml}). The columns come from the kind, as data: this class
 * knows no kind.
 */
public final class KindBoardExport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KindBoardExport() {
    }

    /** Writes the board to {@code out}, whole or not at all, never over the workspace itself. */
    public static KindBoard export(Workspace workspace, CompetitionKind kind, Board board,
            LeaderboardExporter.Format format, Path out) {
        KindBoard ranked = KindBoard.of(workspace, kind, board);
        OutputFile.write(out, os -> {
            try (Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    ImageLookup images = new ImageLookup()) {
                switch (format) {
                    case CSV -> writeCsv(ranked, w);
                    case JSON -> MAPPER.writeValue(w, toJson(workspace.competitionName(), ranked));
                    case HTML -> KindBoardHtml.write(workspace, ranked, images, w);
                }
            }
        }, workspace.file());
        return ranked;
    }

    static void writeCsv(KindBoard board, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        List<String> header = new ArrayList<>(List.of("Rank", "TeamName", "SubmissionId", "WorkspaceId"));
        board.kind().columns().forEach(c -> header.add(c.header()));
        header.addAll(List.of("BelowBaseline", "Disqualified", "Verdict", "Note", "Reviewer"));
        printer.printRecord(header);
        for (KindBoard.Ranked r : board.rows()) {
            var s = r.row().submission();
            VerdictEntry v = r.row().verdict();
            List<Object> record = new ArrayList<>(List.of(r.rank(), CsvLeaderboardExport.text(s.team()),
                    CsvLeaderboardExport.text(s.externalId()), s.id()));
            record.addAll(board.cells(r));
            record.addAll(List.of(board.baseline().isPresent() ? String.valueOf(board.belowBaseline(r)) : "",
                    r.disqualified(), r.row().currentVerdict().label(),
                    CsvLeaderboardExport.text(v == null ? null : v.note()),
                    CsvLeaderboardExport.text(v == null ? null : v.reviewer())));
            printer.printRecord(record);
        }
        printer.flush();
    }

    /** The board as one JSON object: the same object {@code analyze --json} prints for such a board. */
    public static ObjectNode toJson(String competition, KindBoard board) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("competition", competition);
        o.put("kind", board.kind().id());
        o.put("leaderboard", board.board().id());
        o.put("higher_is_better", board.kind().higherIsBetter());
        o.put("submissions", board.rows().size());
        if (board.baseline().isPresent()) {
            o.put("baseline", board.baseline().getAsDouble());
        } else {
            o.putNull("baseline");
        }
        ArrayNode columns = o.putArray("columns");
        board.kind().columns().forEach(c -> columns.add(c.figure()));
        ArrayNode rows = o.putArray("rows");
        for (KindBoard.Ranked r : board.rows()) {
            ObjectNode row = rows.addObject();
            row.put("rank", r.rank());
            row.put("team", r.row().submission().team());
            row.put("submission_id", r.row().submission().externalId());
            row.put("workspace_id", r.row().submission().id());
            for (ScoreColumn c : board.kind().columns()) {
                double value = r.row().score().figure(c.figure());
                if (Double.isFinite(value)) {
                    row.put(c.figure(), value);
                } else {
                    row.putNull(c.figure());
                }
            }
            row.put("below_baseline", board.belowBaseline(r));
            row.put("disqualified", r.disqualified());
            row.put("verdict", r.row().currentVerdict().label());
        }
        return o;
    }
}
