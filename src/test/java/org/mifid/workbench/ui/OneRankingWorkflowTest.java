package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.export.LeaderboardExporter;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One ranking everywhere: after a cheater verdict on the leader, the leaderboard page, its "Top 10 at this
 * threshold" list, and the CSV, JSON and HTML exports give every submission the same rank, the cheater last.
 */
@ExtendWith(ApplicationExtension.class)
class OneRankingWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 30, 0);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void screenAndEveryExportRankTheCheaterLast(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        long leader = table.getItems().get(0).submissionId();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Verdict.CHEATER, fixture.workspace.currentVerdict(leader).orElseThrow().verdict());

        Map<Long, Integer> screen = new HashMap<>();
        table.getItems().forEach(e -> screen.put(e.submissionId(), e.rank()));
        assertEquals(30, screen.get(leader), "the disqualified leader ranks last on screen");
        RankedEntry last = table.getItems().stream().filter(e -> e.submissionId() == leader).findFirst().orElseThrow();
        assertTrue(last.disqualified());
        assertEquals(Verdict.DISQUALIFIED_SCORE, last.publishedScore());

        ListView<RankedEntry> top = robot.lookup("#live-top").queryListView();
        assertEquals(10, top.getItems().size());
        for (int i = 0; i < 10; i++) {
            assertEquals(i + 1, top.getItems().get(i).rank());
            assertTrue(top.getItems().get(i).submissionId() != leader, "the cheater is not in the top 10");
        }

        assertEquals(screen, csvRanks(export(LeaderboardExporter.Format.CSV)), "CSV ranks");
        assertEquals(screen, jsonRanks(export(LeaderboardExporter.Format.JSON)), "JSON ranks");
        Map<String, Integer> byTeam = new HashMap<>();
        table.getItems().forEach(e -> byTeam.put(e.team(), e.rank()));
        assertEquals(byTeam, htmlRanks(export(LeaderboardExporter.Format.HTML)), "HTML ranks");
    }

    private Path export(LeaderboardExporter.Format format) {
        Path file = dir.resolve("board-" + System.nanoTime() + "." + format.id());
        LeaderboardExporter.export(fixture.workspace, LeaderboardPreset.PUBLIC, format, file);
        return file;
    }

    private static Map<Long, Integer> csvRanks(Path csv) throws Exception {
        Map<Long, Integer> ranks = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                ranks.put(Long.parseLong(r.get("WorkspaceId")), Integer.parseInt(r.get("Rank")));
            }
        }
        return ranks;
    }

    private static Map<Long, Integer> jsonRanks(Path json) throws Exception {
        Map<Long, Integer> ranks = new HashMap<>();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (JsonNode row : root.get("rows")) {
            ranks.put(row.get("workspace_id").asLong(), row.get("rank").asInt());
        }
        return ranks;
    }

    /** Rank and team of each leaderboard table row of the report. */
    private static Map<String, Integer> htmlRanks(Path html) throws Exception {
        Map<String, Integer> ranks = new HashMap<>();
        Matcher m = Pattern.compile("<tr(?: class=\"[a-z]+\")?><td>(\\d+)</td><td>([^<]*)</td>")
                .matcher(Files.readString(html, StandardCharsets.UTF_8));
        while (m.find()) {
            ranks.put(m.group(2), Integer.parseInt(m.group(1)));
        }
        return ranks;
    }
}
