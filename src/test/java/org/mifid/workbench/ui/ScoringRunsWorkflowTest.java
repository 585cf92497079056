package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.imaging.ImageSetsTest;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scoring page on the application's own executor, with the offline network: one archive scored on both
 * leaderboards in one run, and a folder of archives scored one after another under one progress bar, a refused
 * archive listed and Cancel keeping those finished.
 */
@ExtendWith(ApplicationExtension.class)
class ScoringRunsWorkflowTest {
    private static final String NETWORK = "nsfwjs-mobilenet-v2";
    @TempDir
    static Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 5, 0, executor);
        fixture.view.showPage(WorkbenchView.Page.SCORING);
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    /** Both boards scorable for real: the public one as ScoringWorkflowTest sets it up, the private one alike. */
    private Path bothBoardsScorable(FxRobot robot) throws Exception {
        Path zip = ScoringWorkflowTest.scorableArchive(fixture, dir);
        long reference = fixture.workspace.leaderboardReferenceSet(LeaderboardPreset.PUBLIC).orElseThrow().id();
        fixture.workspace.assignReferenceSet(LeaderboardPreset.PRIVATE, reference);
        fixture.workspace.assignExtractor(LeaderboardPreset.PRIVATE, NETWORK);
        robot.interact(fixture.model::reload);
        WaitForAsyncUtils.waitForFxEvents();
        return zip;
    }

    private void waitUntilIdle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> !robot.lookup("#scoring-start").queryAs(Button.class).isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void scoresOneArchiveOnBothBoardsInOneRun(FxRobot robot) throws Exception {
        Path zip = bothBoardsScorable(robot);
        robot.clickOn("#scoring-archive").write(zip.toString());
        robot.clickOn("#scoring-team").write("Both Team");
        robot.clickOn("#scoring-both");
        robot.clickOn("#scoring-start");
        waitUntilIdle(robot);
        String message = robot.lookup("#scoring-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Scored Both Team on the public board: FID "), message);
        assertTrue(message.contains("; on the private board: FID "), message);
        String[] lines = robot.lookup("#scoring-results").queryAs(TextArea.class).getText().split("\n");
        assertEquals(2, lines.length);
        assertEquals(6, fixture.workspace.submissionCount(), "one submission");
        for (LeaderboardPreset board : LeaderboardPreset.values()) {
            LeaderboardRow row = fixture.workspace.leaderboardRows(board).stream()
                    .filter(r -> r.submission().team().equals("Both Team")).findFirst().orElseThrow();
            assertEquals(NETWORK, row.score().extractorId());
            assertTrue(lines[board.ordinal()].startsWith("the " + board.id() + " board: FID "
                    + String.format(java.util.Locale.ROOT, "%.2f", row.score().fid())), lines[board.ordinal()]);
        }
    }

    private static void zip(Path file, int seed, boolean images) throws Exception {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 4; i++) {
                z.putNextEntry(new ZipEntry(i + ".png"));
                z.write(images ? ImageSetsTest.rgb64(seed + i) : "not an image".getBytes());
                z.closeEntry();
            }
        }
    }

    @Test
    void scoresAFolderOneArchiveAfterAnotherListingTheRefusedOne(FxRobot robot) throws Exception {
        bothBoardsScorable(robot);
        Path folder = Files.createDirectories(dir.resolve("folder-" + System.nanoTime()));
        zip(folder.resolve("alpha.zip"), 900, true);
        zip(folder.resolve("bravo.zip"), 0, false);
        zip(folder.resolve("charlie.zip"), 950, true);
        List<Double> seen = new ArrayList<>();
        ProgressBar bar = robot.lookup("#scoring-progress").queryAs(ProgressBar.class);
        robot.interact(() -> bar.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue())));
        robot.interact(() -> fixture.view.scoringPage().scoreFolder(folder));
        waitUntilIdle(robot);
        String message = robot.lookup("#scoring-message").queryAs(Label.class).getText();
        assertEquals("Scored 2 of 3 archives of " + folder.getFileName() + "; 1 refused (listed below)", message);
        String results = robot.lookup("#scoring-results").queryAs(TextArea.class).getText();
        assertTrue(results.startsWith("alpha: stored\nbravo: refused: "), results);
        assertTrue(results.contains("Only PNG images") && results.endsWith("charlie: stored"), results);
        assertEquals(7, fixture.workspace.submissionCount());
        assertEquals(7, fixture.view.leaderboardPage().table().getItems().size(), "on the leaderboard");
        // one bar for the folder: it never goes back while archives follow one another. JavaFX coalesces progress
        // updates that arrive faster than the FX thread takes them, so how many values are seen depends on the
        // machine's load; what must hold is that the bar reached the end of the first archive's third (a bar per
        // archive would start again from 0) and never fell back
        List<Double> running = seen.stream().filter(p -> p > 0 && p < 1).toList();
        assertTrue(running.size() >= 2 && running.get(running.size() - 1) >= 1.0 / 3 - 1e-12, seen.toString());
        for (int i = 1; i < running.size(); i++) {
            assertTrue(running.get(i) >= running.get(i - 1), seen.toString());
        }
    }

    @Test
    void cancellingAFolderKeepsTheArchivesFinished(FxRobot robot) throws Exception {
        bothBoardsScorable(robot);
        Path folder = Files.createDirectories(dir.resolve("cancel-" + System.nanoTime()));
        int archives = 8;
        for (int i = 0; i < archives; i++) {
            zip(folder.resolve("team" + i + ".zip"), 1000 + 10 * i, true);
        }
        Label status = robot.lookup("#scoring-message").queryAs(Label.class);
        Button cancel = robot.lookup("#scoring-cancel").queryAs(Button.class);
        // Cancel is pressed on the FX thread the moment the third archive starts: a robot's mouse travel takes
        // longer than scoring the rest of these small archives, so a click could come after the last one
        robot.interact(() -> status.textProperty().addListener((obs, old, now) -> {
            if (now.startsWith("3/" + archives + " ") && !cancel.isDisabled()) {
                cancel.fire();
            }
        }));
        robot.interact(() -> fixture.view.scoringPage().scoreFolder(folder));
        waitUntilIdle(robot);
        String message = status.getText();
        Matcher m = Pattern.compile("Scored (\\d) of " + archives
                + " archives of .*; cancelled, the \\d finished are stored").matcher(message);
        assertTrue(m.matches(), message);
        int finished = Integer.parseInt(m.group(1));
        assertTrue(finished >= 2 && finished < archives, message);
        assertEquals(5 + finished, fixture.workspace.submissionCount());
    }
}
