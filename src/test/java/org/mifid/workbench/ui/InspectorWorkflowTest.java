package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.store.StoredNeighbours;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.ui.inspector.InspectorItem;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector on submissions whose zips and neighbours are real files and rows in the workspace. */
@ExtendWith(ApplicationExtension.class)
class InspectorWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;
    private RankedEntry inspected;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 8, 8);
        TableView<RankedEntry> table = fixture.view.leaderboardPage().table();
        inspected = table.getItems().get(0);
        table.getSelectionModel().select(0);
        fixture.view.showPage(WorkbenchView.Page.INSPECTOR);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void showsEveryImageMostSuspiciousFirstWithItsNeighbours(FxRobot robot) throws Exception {
        List<InspectorItem> list = fixture.view.inspectorPage().shownItems();
        StoredNeighbours stored = fixture.workspace.neighbours(inspected.submissionId(), LeaderboardPreset.PUBLIC)
                .orElseThrow();
        assertEquals(stored.neighbours().size(), list.size(),
                robot.lookup("#inspector-message").queryAs(Label.class).getText() + " focus="
                + fixture.model.focusedSubmissionProperty().get() + " page=" + fixture.view.currentPage());
        assertEquals(TestWorkspaces.IMAGES_PER_ZIP, list.size());
        float smallest = Float.MAX_VALUE;
        for (int i = 0; i < stored.neighbours().size(); i++) {
            smallest = Math.min(smallest, stored.neighbours().nearest(i));
        }
        assertEquals(smallest, list.get(0).nearest(), "most suspicious first");
        for (int i = 1; i < list.size(); i++) {
            assertTrue(list.get(i - 1).nearest() <= list.get(i).nearest());
        }
        InspectorItem first = list.get(0);
        List<String> trainingNames = fixture.workspace.referenceImageNames(stored.referenceSetId());
        assertEquals(trainingNames.get(stored.neighbours().index(first.row(), 0)), first.neighbourNames()[0]);
        assertEquals(stored.imageNames().get(first.row()), first.name());

        // thumbnails arrive from the zip and the training folder, decoded at the shown size
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".thumbnail").queryAllAs(ImageView.class)
                .stream().filter(v -> v.isVisible() && v.getImage() != null).count() >= 6);
        ImageView thumb = robot.lookup(".thumbnail").queryAllAs(ImageView.class).stream()
                .filter(v -> v.getImage() != null).findFirst().orElseThrow();
        assertEquals(96, thumb.getImage().getWidth());
        assertTrue(robot.lookup("#inspector-heading").queryAs(Label.class).getText()
                .contains(inspected.team()));
    }

    @Test
    void imagesTheCopyShareCountsAsCopiesAreMarked(FxRobot robot) throws Exception {
        double threshold = fixture.workspace.measures(LeaderboardPreset.PUBLIC).get(inspected.submissionId())
                .threshold(Measure.COPY_SHARE);
        long below = fixture.view.inspectorPage().shownItems().stream().filter(i -> i.nearest() <= threshold).count();
        assertTrue(below > 0 && below < TestWorkspaces.IMAGES_PER_ZIP, "some images on each side: " + below);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> captions = robot.lookup(".inspector-entry .text-small").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getText() != null && l.getText().startsWith("nearest "))
                .map(Label::getText).toList();
        assertFalse(captions.isEmpty());
        for (String caption : captions) {
            double nearest = Double.parseDouble(caption.substring("nearest ".length()).split("\\s+")[0]);
            // the caption rounds to 4 places; the mark compares the stored distance itself
            if (Math.abs(nearest - threshold) > 1e-4) {
                assertEquals(nearest <= threshold, caption.endsWith("copy?"), caption + " at " + threshold);
            }
        }
        assertTrue(captions.stream().anyMatch(c -> c.endsWith("copy?")), "the most suspicious images are marked");
    }

    @Test
    void distanceRangeFiltersImages(FxRobot robot) {
        List<InspectorItem> list = fixture.view.inspectorPage().shownItems();
        float median = list.get(list.size() / 2).nearest();
        robot.clickOn("#range-min").write("0");
        robot.clickOn("#range-max").write(String.valueOf(median));
        robot.clickOn("#range-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(list.size() < TestWorkspaces.IMAGES_PER_ZIP);
        assertTrue(list.stream().allMatch(i -> i.nearest() <= median));
        assertEquals(TestWorkspaces.IMAGES_PER_ZIP / 2 + 1, list.size());
    }

    @Test
    void clickComparesAtFullSizeAndHotkeyJudgesTheInspectedSubmission(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".thumbnail").queryAllAs(ImageView.class)
                .stream().anyMatch(v -> v.getImage() != null));
        ImageView first = robot.lookup(".thumbnail").queryAllAs(ImageView.class).stream()
                .filter(v -> v.getImage() != null).findFirst().orElseThrow();
        robot.clickOn(first);
        // the compare window is a new stage: on a loaded machine it can take more than one pulse to show
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-distance").tryQuery().isPresent());
        Label distance = robot.lookup("#compare-distance").queryAs(Label.class);
        assertNotNull(distance);
        assertTrue(distance.getText().startsWith("cosine distance "));
        ImageView full = robot.from(robot.lookup("#compare-view").queryAs(javafx.scene.Parent.class))
                .lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof ImageView)
                .queryAs(ImageView.class);
        assertEquals(320, full.getImage().getWidth(), "nearest-neighbour scaled at load time");
        robot.type(KeyCode.ESCAPE);

        assertTrue(robot.lookup("#compare-view").queryAll().isEmpty(), "Escape closed the compare window");
        robot.interact(() -> robot.lookup("#inspector-list").query().requestFocus());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Verdict.NEEDS_REVIEW,
                fixture.workspace.currentVerdict(inspected.submissionId()).orElseThrow().verdict());
        assertTrue(robot.lookup("#inspector-heading").queryAs(Label.class).getText().contains("needs review"));
    }

    @Test
    void saysInOneLineWhenTheArchiveIsNotReachable(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = fixture.view.leaderboardPage().table();
        RankedEntry other = table.getItems().get(1);
        Path archive = Path.of(fixture.workspace.submission(other.submissionId()).orElseThrow().path());
        Files.move(archive, archive.resolveSibling(archive.getFileName() + ".moved"));
        robot.interact(() -> table.getSelectionModel().select(1));
        Label message = robot.lookup("#inspector-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> message.getText().contains("most suspicious first"));
        assertEquals(TestWorkspaces.IMAGES_PER_ZIP + " images, most suspicious first \u2014 images not shown: archive "
                + archive + " is not reachable from this machine", message.getText());
        List<InspectorItem> list = fixture.view.inspectorPage().shownItems();
        assertEquals(TestWorkspaces.IMAGES_PER_ZIP, list.size(), "the neighbours are still listed");
    }
}
