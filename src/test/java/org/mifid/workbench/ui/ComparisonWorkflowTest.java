package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.review.LeaderboardAnalysis;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Public against private in the UI shows the same agreement figures as the CLI's analyze. */
@ExtendWith(ApplicationExtension.class)
class ComparisonWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 40, 0);
        fixture.view.showPage(WorkbenchView.Page.COMPARISON);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void agreementFiguresMatchTheAnalysis(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup("#comparison-figures").queryAs(Label.class).getText();
        var expected = LeaderboardAnalysis.of(fixture.workspace, LeaderboardPreset.PUBLIC,
                fixture.workspace.threshold(LeaderboardPreset.PUBLIC), null).fidAgreement();
        assertTrue(shown.startsWith("40 submissions on both boards"), shown);
        assertTrue(shown.contains(String.format(Locale.ROOT, "Spearman %.4f", expected.spearman())), shown);
        assertTrue(shown.contains(String.format(Locale.ROOT, "Kendall tau-b %.4f", expected.kendallTauB())), shown);
    }
}
