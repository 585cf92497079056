package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.mifid.workbench.core.UnknownExtractorException;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.ImageSetsTest;
import org.mifid.workbench.imaging.InMemoryImageSet;
import org.mifid.workbench.imaging.ValidationProfile;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.WorkspaceException;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Scoring from the UI: a real archive is scored with the offline network and stored; a failure ends in a dialog
 * that says what to do, and nothing is written.
 */
@ExtendWith(ApplicationExtension.class)
class ScoringWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 5, 0);
        fixture.view.showPage(WorkbenchView.Page.SCORING);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void failedScoringShowsDialogWithAdviceAndStoresNothing(FxRobot robot) {
        robot.clickOn("#scoring-archive").write(dir.resolve("no-such-submission.zip").toString());
        robot.clickOn("#scoring-team").write("Late Team");
        robot.clickOn("#scoring-start");
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        // the one line names the archive, and the advice is about that file, not the missing-weights advice
        assertTrue(dialog.getHeaderText().contains("no-such-submission.zip"), dialog.getHeaderText());
        String advice = robot.lookup("#error-advice").queryAs(Label.class).getText();
        assertTrue(advice.startsWith("Check the file named above"), advice);
        assertTrue(robot.lookup("#scoring-message").queryAs(Label.class).getText().startsWith("Failed: "));
        assertFalse(robot.lookup("#scoring-start").queryAs(Button.class).isDisabled(), "ready to try again");
        assertTrue(robot.lookup("#scoring-cancel").queryAs(Button.class).isDisabled());
        assertEquals(5, fixture.workspace.submissionCount(), "nothing stored");
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
    }

    /** A reference set whose checksum is the training folder's real one, assigned to the public board. */
    private static void registerRealTrainingSet(WorkbenchFixture fixture) throws Exception {
        ReferenceSet fake = fixture.workspace.referenceSet(1).orElseThrow();
        String checksum;
        try (InMemoryImageSet train = ImageSets.open(Path.of(fake.location()), ValidationProfile.LENIENT,
                ProgressMonitor.NONE)) {
            checksum = train.checksum();
        }
        long reference = fixture.workspace.addReferenceSet(new ReferenceSet(0, "training (real checksum)",
                fake.location(), checksum, fake.imageCount()), fixture.workspace.referenceImageNames(1));
        fixture.workspace.assignReferenceSet(LeaderboardPreset.PUBLIC, reference);
    }

    /** Missing weights get their own advice, not the bad-archive one; so does a workspace that cannot be written. */
    @Test
    void eachKindOfFailureGetsItsOwnAdvice(FxRobot robot) throws Exception {
        registerRealTrainingSet(fixture);
        robot.interact(fixture.model::reload);
        WaitForAsyncUtils.waitForFxEvents();
        Path zip = dir.resolve("kinds-" + System.nanoTime() + ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 3; i++) {
                z.putNextEntry(new ZipEntry(i + ".png"));
                z.write(ImageSetsTest.rgb64(700 + i));
                z.closeEntry();
            }
        }
        robot.clickOn("#scoring-archive").write(zip.toString());
        robot.clickOn("#scoring-team").write("Kinds Team");
        String[][] cases = {{"fid-inception", "fid-inception.pt: is missing", "This network's weights are not installed"}};
        for (String[] c : cases) {
            robot.interact(() -> robot.lookup("#scoring-extractor").<String>queryComboBox().setValue(c[0]));
            robot.clickOn("#scoring-start");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#error-advice").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            assertTrue(dialog.getHeaderText().contains(c[1]), dialog.getHeaderText());
            String advice = robot.lookup("#error-advice").queryAs(Label.class).getText();
            assertTrue(advice.startsWith(c[2]), advice);
            robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(5, fixture.workspace.submissionCount(), "nothing stored");
        assertTrue(ErrorDialogs.advice(new UnknownExtractorException("--model x", "unknown extractor"))
                .startsWith("No extractor has that name"));
        // a workspace that cannot be written: its own advice, saying what was saved is intact
        assertTrue(ErrorDialogs.advice(new WorkspaceException("w.db", "write failed: the disk is full", null))
                .startsWith("The workspace file could not be read or written"));
    }

    @Test
    void scoresANewArchiveWithARealNetworkAndShowsItOnTheLeaderboard(FxRobot robot) throws Exception {
        Path zip = scorableArchive(fixture, dir);
        // the board is scored with the offline network: the page offers that network, not an uninstalled default
        robot.interact(fixture.model::reload);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nsfwjs-mobilenet-v2", robot.lookup("#scoring-extractor").<String>queryComboBox().getValue());
        assertTrue(robot.lookup("#scoring-comparability").queryAs(Label.class).getText().startsWith("not comparable"));
        robot.clickOn("#scoring-archive").write(zip.toString());
        robot.clickOn("#scoring-team").write("Fresh Team");
        robot.clickOn("#scoring-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fixture.workspace.submissionCount() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        LeaderboardRow stored = fixture.workspace.leaderboardRows(LeaderboardPreset.PUBLIC).stream()
                .filter(r -> r.submission().team().equals("Fresh Team")).findFirst().orElseThrow();
        assertEquals("nsfwjs-mobilenet-v2", stored.score().extractorId());
        assertEquals(6, fixture.workspace.neighbours(stored.submission().id(), LeaderboardPreset.PUBLIC).orElseThrow()
                .imageNames().size());
        String message = robot.lookup("#scoring-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Scored Fresh Team on the public board: FID "), message);
        assertTrue(message.contains("MiFID") && message.contains("not scored on the private board"), message);

        // the copying measures were stored with the score, and the leaderboard shows them as stored
        MeasureValues measures = fixture.workspace.measures(LeaderboardPreset.PUBLIC).get(stored.submission().id());
        double copyShare = measures.value(Measure.COPY_SHARE);
        assertTrue(copyShare >= 0 && copyShare <= 1, "a share: " + copyShare);
        assertEquals("no held-out real set registered", measures.reason(Measure.CT));
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        @SuppressWarnings("unchecked")
        TableColumn<RankedEntry, Double> column = (TableColumn<RankedEntry, Double>) table.getColumns().stream()
                .filter(c -> "col-copy-share".equals(c.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(e -> e.team().equals("Fresh Team") && column.getCellData(e) != null));
        RankedEntry fresh = table.getItems().stream().filter(e -> e.team().equals("Fresh Team")).findFirst()
                .orElseThrow();
        assertEquals(copyShare, column.getCellData(fresh));
    }

    @Test
    void aBoardKeepsItsNetwork(FxRobot robot) throws Exception {
        Path zip = dir.resolve("other-network-" + System.nanoTime() + ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("0.png"));
            z.write(ImageSetsTest.rgb64(7));
            z.closeEntry();
        }
        String network = fixture.workspace.leaderboardExtractor(LeaderboardPreset.PUBLIC);
        robot.interact(() -> robot.lookup("#scoring-extractor").<String>queryComboBox()
                .setValue("nsfwjs-inception-v3"));
        robot.clickOn("#scoring-archive").write(zip.toString());
        robot.clickOn("#scoring-team").write("Mixed Network");
        robot.clickOn("#scoring-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        String shown = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText() + " "
                + robot.lookup("#scoring-message").queryAs(Label.class).getText();
        assertTrue(shown.contains("is scored with " + network), shown);
        assertEquals(5, fixture.workspace.submissionCount(), "nothing stored");
        assertEquals(network, fixture.workspace.leaderboardExtractor(LeaderboardPreset.PUBLIC));
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
    }

    @Test
    void scoringNeedsAnArchiveAndATeam(FxRobot robot) {
        robot.clickOn("#scoring-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Choose an archive and give the team name",
                robot.lookup("#scoring-message").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".dialog-pane").queryAll().isEmpty());
    }

    /**
     * A six-image archive the fixture's public board can score for real: a reference set with the training
     * folder's real checksum, and the board set to the offline network.
     */
    static Path scorableArchive(WorkbenchFixture fixture, Path dir) throws Exception {
        registerRealTrainingSet(fixture);
        Path zip = dir.resolve("new-team-" + System.nanoTime() + ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 6; i++) {
                z.putNextEntry(new ZipEntry(i + ".png"));
                z.write(ImageSetsTest.rgb64(500 + i));
                z.closeEntry();
            }
        }
        fixture.workspace.assignExtractor(LeaderboardPreset.PUBLIC, "nsfwjs-mobilenet-v2");
        return zip;
    }
}
