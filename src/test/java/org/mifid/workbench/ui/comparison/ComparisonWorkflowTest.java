package org.mifid.workbench.ui.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.review.LeaderboardAnalysis;
import org.mifid.workbench.ui.WorkbenchFixture;
import org.mifid.workbench.ui.WorkbenchView;
import org.mifid.workbench.ui.common.Theme;
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

    @Test
    void topThirtyLabelsNeverOverlapAndPointsSayWhoTheyAre(FxRobot robot) {
        // issue #10 item 12: labels printed on top of each other, the scatter had no tooltips
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonPage page = robot.lookup("#comparison-page").queryAs(ComparisonPage.class);
        double[] y = page.privateLabelPositions();
        assertEquals(30, y.length);
        for (int i = 1; i < y.length; i++) {
            assertTrue(y[i] - y[i - 1] >= 12, "labels " + (i - 1) + " and " + i + " are " + (y[i] - y[i - 1])
                    + " px apart");
        }
        var pair = Comparison.of(fixture.model.rows(LeaderboardPreset.PUBLIC),
                fixture.model.rows(LeaderboardPreset.PRIVATE));
        double[] at = page.pointPosition(0);
        String tip = page.pointText(at[0] + 2, at[1] - 2);
        assertTrue(tip.startsWith(pair.teams().get(0)), tip);
        assertTrue(tip.contains(String.format(Locale.ROOT, "public FID %.4g (rank %d)", pair.fidPublic()[0],
                pair.publicRank()[0])), tip);
        assertNull(page.pointText(-100, -100));
    }

    @Test
    void chartTextKeepsItsContrastInTheDarkTheme(FxRobot robot) {
        // issue #10 item 12: grey text drawn on the dark theme's background could hardly be read
        ComparisonPage page = robot.lookup("#comparison-page").queryAs(ComparisonPage.class);
        try {
            robot.interact(Theme.DARK::apply);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(contrast(page.textColour(), Color.web("#0d1117")) >= 4.5, page.textColour().toString());
        } finally {
            robot.interact(Theme.LIGHT::apply);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(contrast(page.textColour(), Color.WHITE) >= 4.5, page.textColour().toString());
    }

    /** WCAG 2 contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
