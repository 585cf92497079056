package org.mifid.workbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.review.EvidenceLine;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Scrolls the image-to-prompt inspector through a Kaggle-size submission (16,000 images, the private board's 80 %
 * of them) in the real workbench view, on the application's own executor, and prints what each frame cost: the
 * gaps between the FX thread's pulses while the list moves every pulse (wheel-like steps of three rows), then while
 * it jumps to random places (a scroll-bar drag), and how many row cells exist. Thumbnails load as in use (off the
 * FX thread). Run headless as the UI tests do: {@code mvn -B -q test-compile && mvn -B -q
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test && java
 * -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1600x1200-32
 * -cp target/classes:target/test-classes:$(cat target/cp.txt) org.mifid.workbench.ui.InspectorScrollProbe [images]}.
 */
public final class InspectorScrollProbe {
    private static final int FRAMES = 600;

    private InspectorScrollProbe() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 16_000;
        Path dir = Files.createTempDirectory("inspector-probe");
        long t0 = System.nanoTime();
        Path file = PromptWorkspaces.createScaled(dir, images);
        System.out.printf(Locale.ROOT, "workspace of %d images built in %.1f s%n", images, seconds(t0));
        Platform.startup(() -> { });
        try (FxTaskExecutor executor = new FxTaskExecutor(2)) {
            WorkbenchFixture fixture = onFx(() -> new WorkbenchFixture(new Stage(), dir, file, executor));
            @SuppressWarnings("unchecked")
            TableView<RankedEntry> table = onFx(() -> (TableView<RankedEntry>) fixture.view
                    .lookup("#leaderboard-table"));
            await(() -> table.getItems().size() == 1, "the leaderboard row");
            t0 = System.nanoTime();
            onFx(() -> {
                fixture.model.leaderboardProperty().set(LeaderboardPreset.PRIVATE);
                table.getSelectionModel().clearAndSelect(0);
                fixture.view.showPage(WorkbenchView.Page.INSPECTOR);
                return null;
            });
            ListView<EvidenceLine> list = fixture.view.evidencePage().list();
            await(() -> list.getItems().size() > images / 2, "the private board's lines");
            System.out.printf(Locale.ROOT, "inspector opened on %d lines in %.2f s (read and bank search off the FX"
                    + " thread)%n", list.getItems().size(), seconds(t0));
            VirtualFlow<?> flow = onFx(() -> (VirtualFlow<?>) list.lookup(".virtual-flow"));
            java.util.Random random = new java.util.Random(3);
            javafx.scene.Scene scene = list.getScene();
            for (int pass = 1; pass <= 2; pass++) {
                report("wheel steps (3 rows a pulse), pass " + pass,
                        frames(scene, f -> flow.scrollPixels(3 * list.getFixedCellSize())));
            }
            report("jumps to random rows", frames(scene, f -> list.scrollTo(random.nextInt(list.getItems().size()))));
            long cells = onFx(() -> list.lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?>)
                    .count());
            System.out.printf(Locale.ROOT, "row cells in the scene: %d for %d lines (virtualized)%n", cells,
                    list.getItems().size());
            onFx(() -> {
                fixture.close();
                return null;
            });
        } finally {
            Platform.exit();
        }
    }

    /**
     * Runs {@code step} at the start of each of {@link #FRAMES} pulses. Returns, per frame, the gap in ms to the
     * next pulse and the FX thread's work in ms from the step to the end of that pulse's CSS and layout (where the
     * moved rows' cells are updated).
     */
    private static double[][] frames(javafx.scene.Scene scene, java.util.function.IntConsumer step) throws Exception {
        double[] gaps = new double[FRAMES];
        double[] work = new double[FRAMES];
        long[] started = new long[1];
        int[] current = {-1};
        Runnable afterLayout = () -> {
            if (current[0] >= 0 && current[0] < FRAMES && started[0] != 0) {
                work[current[0]] = (System.nanoTime() - started[0]) / 1e6;
                started[0] = 0;
            }
        };
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(afterLayout);
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (current[0] >= 0) {
                        gaps[current[0]] = (now - last) / 1e6;
                    }
                    last = now;
                    if (++current[0] == FRAMES) {
                        stop();
                        scene.removePostLayoutPulseListener(afterLayout);
                        done.countDown();
                        return;
                    }
                    started[0] = System.nanoTime();
                    step.accept(current[0]);
                }
            }.start();
        });
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the frames did not finish");
        }
        return new double[][] {gaps, work};
    }

    private static void report(String what, double[][] frames) {
        double[] gaps = frames[0];
        double[] work = frames[1];
        long over33 = Arrays.stream(gaps).filter(g -> g > 33.4).count();
        System.out.printf(Locale.ROOT, "%s: %d frames; FX-thread work per frame median %.2f ms, 95th percentile %.2f"
                        + " ms, max %.1f ms; pulse gap median %.1f ms, max %.1f ms, %d over 33 ms (60 Hz pulses are"
                        + " 16.7 ms apart)%n", what, gaps.length, percentile(work, 0.5), percentile(work, 0.95),
                percentile(work, 1), percentile(gaps, 0.5), percentile(gaps, 1), over33);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(2, TimeUnit.MINUTES);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
