package org.mifid.workbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.store.Workspace;

class LeaderboardExportTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void workspace() throws Exception {
        db = ExportFixture.build(dir);
    }

    private Path export(LeaderboardExporter.Format format) {
        Path out = dir.resolve("out/board." + format.id());
        try (Workspace ws = Workspace.open(db)) {
            LeaderboardExporter.export(ws, LeaderboardPreset.PUBLIC, format, out);
        }
        return out;
    }

    @Test
    void csvRoundTripsThroughAParserWithFormulasNeutralisedAndNumbersNumeric() throws Exception {
        Path out = export(LeaderboardExporter.Format.CSV);
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(CsvLeaderboardExport.HEADER, parser.getHeaderNames());
            records = parser.getRecords();
        }
        assertEquals(5, records.size());
        for (CSVRecord r : records) {
            for (String cell : r.values()) {
                // what a spreadsheet would evaluate
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                        && !isNumber(cell), "formula-like cell " + cell);
            }
            for (String numeric : List.of("Rank", "Score", "FID", "Distance", "Threshold", "MiFID")) {
                Double.parseDouble(r.get(numeric));
            }
        }
        // threshold 0.12 in force: team 0 (distance 0.05) is penalised, the cheater (Copycats) ranks last at 999999
        CSVRecord last = records.get(4);
        assertEquals("Copycats", last.get("TeamName"));
        assertEquals("5", last.get("Rank"));
        assertEquals(999999.0, Double.parseDouble(last.get("Score")));
        assertEquals("true", last.get("Disqualified"));
        assertEquals("cheater", last.get("Verdict"));
        assertEquals("'=1+1 copies <b>bold</b>", last.get("Note"));
        assertEquals("'@ann", last.get("Reviewer"));
        assertEquals("2026-01-02T03:04:05Z", last.get("ReviewedAt"));
        CSVRecord formula = records.stream().filter(r -> r.get("SubmissionId").equals("100")).findFirst().orElseThrow();
        assertEquals("'" + ExportFixture.FORMULA_TEAM, formula.get("TeamName"));
        assertEquals("true", formula.get("Penalised"));
        assertEquals(40 / (0.05 + 1e-15), Double.parseDouble(formula.get("MiFID")), 1e-9);
        assertEquals(0.12, Double.parseDouble(formula.get("Threshold")));
        assertTrue(records.stream().anyMatch(r -> r.get("TeamName").equals("'-5")));
        assertTrue(records.stream().anyMatch(r -> r.get("TeamName").equals(ExportFixture.SCRIPT_TEAM)));
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void htmlIsSelfContainedAndEscapesEveryUserText() throws Exception {
        String html = Files.readString(export(LeaderboardExporter.Format.HTML));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "a script tag got through");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("=HYPERLINK(&quot;x&quot;)"));
        assertTrue(html.contains("Dogs &amp; &lt;Friends&gt;"));
        assertTrue(html.contains("&lt;i&gt;wider&lt;/i&gt;"));
        assertFalse(html.contains("<b>bold"));
        // no reference to anything outside the file
        assertFalse(Pattern.compile("(src|href)=\"(?!data:)", Pattern.CASE_INSENSITIVE).matcher(html).find());
        // the two flagged submissions each show their 6 closest images beside their nearest training images
        Matcher images = Pattern.compile("src=\"data:image/png;base64,").matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
        }
        assertEquals(2 * AnnotatedLeaderboard.IMAGES_PER_STRIP * 2, count);
        assertTrue(html.contains("class=\"threshold\""));
        assertTrue(html.contains("badge cheater"));
        assertTrue(html.contains("Rank changes of the top 5 public submissions"));
    }

    @Test
    void htmlClipsAnOutlierScoreWithAMarkAndWritesReadableTimes() throws Exception {
        try (Workspace ws = Workspace.open(db)) {
            ws.addSubmission(new org.mifid.workbench.store.NewSubmission("200", "Outlier", "o.zip", null, "sha-o",
                    java.time.Instant.parse("2019-08-09T10:00:00Z"), 0, null, java.util.List.of()),
                    java.util.List.of(ExportFixture.score(LeaderboardPreset.PUBLIC, 1e16, 0.5, null, 0),
                            ExportFixture.score(LeaderboardPreset.PRIVATE, 1e16, 0.6, null, 0)));
        }
        String html = Files.readString(export(LeaderboardExporter.Format.HTML));
        // the 1e16 point sits on the edge as a mark, the others keep the plot
        assertEquals(1, Pattern.compile("class=\"beyond\"><title>Outlier:").matcher(html).results().count());
        assertTrue(html.contains("1 submissions score beyond the axes"));
        assertTrue(html.contains("<td>2026-01-01 00:00:00 UTC</td>"), "the threshold history's time reads as one");
        assertFalse(Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d+Z").matcher(html).find(), "no raw timestamps");
        assertTrue(html.contains("<div class=\"table-wrap\"><table>"), "wide tables scroll inside the page");
    }

    @Test
    void jsonCarriesTheSameContent() throws Exception {
        JsonNode root = new ObjectMapper().readTree(export(LeaderboardExporter.Format.JSON).toFile());
        assertEquals("Dogs & <Friends>", root.get("competition").asText());
        assertEquals(0.12, root.get("threshold").asDouble());
        assertEquals(5, root.get("rows").size());
        assertEquals(ExportFixture.SCRIPT_TEAM, root.get("rows").findValues("team").stream()
                .map(JsonNode::asText).filter(t -> t.startsWith("<")).findFirst().orElseThrow());
        assertEquals(2, root.get("counts").get("flagged").asInt());
        JsonNode suspects = root.get("suspects");
        assertEquals(2, suspects.size());
        assertEquals("Copycats", suspects.get(0).get("team").asText());
        JsonNode first = suspects.get(0).get("images").get(0);
        assertEquals("gen/0.png", first.get("image").asText());
        assertEquals("dog_4.png", first.get("nearest_train_image").asText());
        assertEquals(5, root.get("public_private").get("rank_changes").size());
        assertEquals(1, root.get("threshold_history").size());
        // one labelled memorizer (distance 0.02) below the one labelled clean submission (0.25)
        assertEquals(1.0, root.get("auc").asDouble());
    }

    @Test
    void everyFormatCarriesTheStoredCopyingMeasuresAndTheirSeparation() throws Exception {
        JsonNode root = new ObjectMapper().readTree(export(LeaderboardExporter.Format.JSON).toFile());
        List<CSVRecord> csv;
        try (CSVParser p = CSVParser.parse(export(LeaderboardExporter.Format.CSV), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().get())) {
            csv = p.getRecords();
        }
        String html = Files.readString(export(LeaderboardExporter.Format.HTML));
        for (int i = 0; i < csv.size(); i++) {
            JsonNode row = root.get("rows").get(i);
            assertEquals(row.get("team").asText(), csv.get(i).get("TeamName").replaceFirst("^'", ""));
            double expected = 1 - row.get("distance").asDouble();
            assertEquals(expected, row.get("measures").get("copy_share").asDouble(), 1e-12);
            assertEquals(expected, Double.parseDouble(csv.get(i).get("copy_share")), 1e-12);
            assertTrue(row.get("measures").get("ct").isNull(), "C_T without a held-out set is null");
            assertEquals("", csv.get(i).get("ct"));
            assertTrue(html.contains("<td>" + HtmlReport.fmt(expected) + "</td>"), "copy share in the HTML table");
        }
        // the separation is analyze's: copy share falls as the distance rises, so its AUC is the distance's
        JsonNode measures = root.get("measures");
        assertEquals(root.get("auc").asDouble(), measures.get("distance").get("auc").asDouble());
        assertEquals(measures.get("distance").get("auc").asDouble(), measures.get("copy_share").get("auc").asDouble());
        assertTrue(measures.get("ct").get("auc").isNull());
        assertTrue(html.contains("<section id=\"measures\">"));
        assertTrue(html.contains("<td>copy share</td><td>" + HtmlReport.fmt(measures.get("copy_share").get("auc")
                .asDouble()) + "</td>"), "the HTML shows the same AUC");
    }

    @Test
    void controlBytesNeverReachTheReport() {
        assertEquals("team\\x00\\x1b[31m&lt;b&gt;\\u202e", HtmlReport.escape("team\u0000\u001b[31m<b>\u202e"));
    }
}
