package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.kind.BankMatch;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.EvidenceLine;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector on a real image-to-prompt workspace: the focused submission's per-image cosines worst first, read
 * on the application's own background executor, filtered by cosine, in a virtualized list.
 */
@ExtendWith(ApplicationExtension.class)
class PromptInspectorWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path here = dir.resolve("ws-" + System.nanoTime());
        executor = new FxTaskExecutor(2);
        fixture = new WorkbenchFixture(stage, here, PromptWorkspaces.create(here), executor);
    }

    @AfterEach
    void close() {
        fixture.close();
        executor.close();
    }

    private static void settle(FxRobot robot, java.util.function.BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return done.getAsBoolean();
        });
    }

    @Test
    void aSubmissionOfEmbeddingsShowsTheNearestBankPromptsOfEachPrediction(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        settle(robot, () -> table.getItems().size() == 3);
        int negated = table.getItems().stream().map(RankedEntry::team).toList().indexOf("Negated");
        robot.interact(() -> table.getSelectionModel().clearAndSelect(negated));
        robot.interact(() -> fixture.view.showPage(WorkbenchView.Page.INSPECTOR));
        settle(robot, () -> !fixture.view.evidencePage().bankMatches().isEmpty());

        // independently: the team sent each true vector negated; cosine to every stored bank vector, best three
        List<org.mifid.workbench.core.BankPrompt> bank = fixture.workspace.bank();
        assertEquals(PromptWorkspaces.BANK.size(), bank.size(), "the bank was stored with the competition");
        Map<String, List<BankMatch>> shown = fixture.view.evidencePage().bankMatches();
        List<org.mifid.workbench.core.TruthItem> publicItems = fixture.workspace.truth().stream()
                .filter(t -> t.board() == Board.PUBLIC).toList();
        assertEquals(publicItems.size(), shown.size());
        for (org.mifid.workbench.core.TruthItem item : publicItems) {
            List<double[]> scored = new java.util.ArrayList<>();
            for (int b = 0; b < bank.size(); b++) {
                scored.add(new double[] {b, cosine(negate(item.vector()), bank.get(b).vector())});
            }
            scored.sort((x, y) -> Double.compare(y[1], x[1]));
            List<BankMatch> matches = shown.get(item.id());
            assertEquals(3, matches.size());
            for (int r = 0; r < 3; r++) {
                assertEquals(bank.get((int) scored.get(r)[0]).text(), matches.get(r).prompt(), item.id() + " #" + r);
                assertEquals(scored.get(r)[1], matches.get(r).cosine(), 1e-6, item.id() + " #" + r);
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".list-cell .evidence-predicted").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("nearest bank prompts: \u201c")), "the cells show them");
    }

    private static float[] negate(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void showsTheFocusedSubmissionsCosinesWorstFirstAndFiltersByCosine(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        settle(robot, () -> table.getItems().size() == 3);
        int half = table.getItems().stream().map(RankedEntry::team).toList().indexOf("Half");
        long id = table.getItems().get(half).submissionId();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(half));
        robot.interact(() -> fixture.view.showPage(WorkbenchView.Page.INSPECTOR));

        ListView<EvidenceLine> list = robot.lookup("#evidence-list").queryListView();
        List<EvidenceLine> expected = EvidenceLine.worstFirst(fixture.workspace,
                CompetitionKind.of(fixture.workspace), id, Board.PUBLIC);
        settle(robot, () -> list.getItems().size() == expected.size());
        assertEquals(5, expected.size(), "half of the 10 images are public");
        assertEquals(expected, List.copyOf(list.getItems()));
        for (int i = 1; i < expected.size(); i++) {
            assertTrue(expected.get(i - 1).value() <= expected.get(i).value(), "worst first");
        }
        assertTrue(robot.lookup("#evidence-heading").queryAs(Label.class).getText().startsWith("Half"));
        assertTrue(robot.lookup(".list-cell .evidence-figure").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith(expected.get(0).item() + "   cosine "
                        + String.format(java.util.Locale.ROOT, "%.4f", expected.get(0).value()))),
                "the worst item is shown first with its cosine");

        // each line shows its image from the competition's images, loaded off the FX thread
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(".evidence-image")
                .queryAllAs(javafx.scene.image.ImageView.class).stream().anyMatch(v -> v.getImage() != null));

        long above = expected.stream().filter(l -> l.value() >= 0.5).count();
        robot.clickOn("#evidence-min").write("0.5").clickOn("#evidence-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(above, list.getItems().size());
        assertTrue(list.getItems().stream().allMatch(l -> l.value() >= 0.5));
        assertEquals(above + " of 5 items with cosine in range, worst first",
                robot.lookup("#evidence-message").queryAs(Label.class).getText());
        // best first: the same filtered items in the opposite order of the one ordering (ties by id both ways)
        robot.clickOn("#evidence-best-first");
        WaitForAsyncUtils.waitForFxEvents();
        List<EvidenceLine> bestFirst = expected.stream().filter(l -> l.value() >= 0.5)
                .sorted(EvidenceLine.order(CompetitionKind.of(fixture.workspace), true)).toList();
        assertEquals(bestFirst, List.copyOf(list.getItems()));
        for (int i = 1; i < bestFirst.size(); i++) {
            assertTrue(bestFirst.get(i - 1).value() >= bestFirst.get(i).value(), "best first");
        }
        assertEquals(above + " of 5 items with cosine in range, best first",
                robot.lookup("#evidence-message").queryAs(Label.class).getText());
    }
}
