package org.mifid.workbench.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.ui.WorkbenchFixture;
import org.mifid.workbench.ui.WorkbenchView;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A thumbnail is evidence: the image a worker decodes is the one of the submission that was on screen when the
 * cell asked for it, even when the inspector has moved to another submission whose images have the same names.
 */
@ExtendWith(ApplicationExtension.class)
class ThumbnailSourceTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 4, 4);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRequestKeepsTheSubmissionItWasMadeFor(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = fixture.view.leaderboardPage().table();
        InspectorPage page = fixture.view.inspectorPage();
        String name = "img_0000.png";
        Submission first = table.getItems().get(0).row().submission();
        Submission second = table.getItems().get(1).row().submission();
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(0);
            fixture.view.showPage(WorkbenchView.Page.INSPECTOR);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.inspector().subjectProperty().get() != null
                && page.inspector().subjectProperty().get().submission().id() == first.id());
        AtomicReference<ThumbnailLoader.Bytes> requested = new AtomicReference<>();
        robot.interact(() -> requested.set(page.generatedSource(name)));

        robot.interact(() -> {
            fixture.view.showPage(WorkbenchView.Page.LEADERBOARD);
            table.getSelectionModel().clearAndSelect(1);
            fixture.view.showPage(WorkbenchView.Page.INSPECTOR);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> page.inspector().subjectProperty().get().submission().id() == second.id());

        byte[] read = requested.get().read();
        try (ImageLookup images = new ImageLookup()) {
            byte[] ofFirst = images.submissionImage(first, name);
            byte[] ofSecond = images.submissionImage(second, name);
            assertFalse(Arrays.equals(ofFirst, ofSecond), "the two submissions' images differ");
            assertArrayEquals(ofFirst, read, "the image of the submission the cell asked for");
            assertNotEquals(second.id(), first.id());
        }
    }
}
