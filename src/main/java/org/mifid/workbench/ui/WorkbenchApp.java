package org.mifid.workbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.demo.DemoCompetition;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.common.Theme;
import org.mifid.workbench.ui.common.UiSettings;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * The workbench window. It opens the workspace named by {@code -Dmifid.ui.workspace}, else the last one used, else
 * the demo competition ({@code <data>/demo/demo.db}), which it builds in the background on a fresh machine. {@code -Dmifid.ui.page=histogram} and
 * {@code -Dmifid.ui.theme=dark} choose the first page and the theme (used by packaging/screenshots.sh).
 */
public class WorkbenchApp extends Application {
    /** Bursts of threshold moves within this delay are merged into one re-ranking. */
    private static final Duration COALESCE = Duration.millis(40);

    private FxTaskExecutor executor;
    private FxTaskExecutor thumbnails;
    private WorkbenchModel model;
    private ImageLookup images;

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        UiSettings settings = UiSettings.load();
        Theme theme = Theme.parse(System.getProperty("mifid.ui.theme", settings.get("theme").orElse("light")));
        theme.apply();
        executor = new FxTaskExecutor(2);
        thumbnails = new FxTaskExecutor(2);
        model = new WorkbenchModel(executor, settings);
        images = new ImageLookup();
        WorkbenchView view = new WorkbenchView(model, thumbnails, images, COALESCE, theme);

        stage.setTitle("MiFID Workbench");
        for (int size : new int[] {16, 32, 64, 256}) {
            // packaged with the app icons; absent in a build without them, and then the window has the default
            var in = WorkbenchApp.class.getResourceAsStream("/icons/app/png/mifid-workbench-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new javafx.scene.image.Image(in));
            }
        }
        stage.setScene(view.scene(settings.getDouble("window.width", 1280), settings.getDouble("window.height", 820)));
        if (settings.get("window.x").isPresent()) {
            stage.setX(settings.getDouble("window.x", 0));
            stage.setY(settings.getDouble("window.y", 0));
        }
        stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized").orElse("false")));
        stage.setOnHidden(e -> {
            if (!stage.isMaximized()) {
                settings.put("window.x", String.valueOf(stage.getX()));
                settings.put("window.y", String.valueOf(stage.getY()));
                settings.put("window.width", String.valueOf(stage.getWidth()));
                settings.put("window.height", String.valueOf(stage.getHeight()));
            }
            settings.put("window.maximized", String.valueOf(stage.isMaximized()));
            settings.save();
        });
        view.leaderboardPage().setSideBySide(Boolean.getBoolean("mifid.ui.sideBySide"));
        String page = System.getProperty("mifid.ui.page");
        if (page != null) {
            view.showPage(WorkbenchView.Page.valueOf(page.toUpperCase()));
        }
        stage.show();
        initialWorkspace(settings).ifPresentOrElse(file -> {
            view.openWorkspace(file);
            DemoCompetition demo = DemoCompetition.standard();
            if (file.toAbsolutePath().equals(demo.workspaceFile().toAbsolutePath())) {
                // a start stopped while the private leaderboard was being scored goes on from there
                finishDemo(view, demo);
            }
        }, () -> buildDemo(view));
        String focus = System.getProperty("mifid.ui.focus");
        if (focus != null) {
            // screenshots: select the best-ranked submission whose team contains the text, once the table is filled
            var items = view.leaderboardPage().table().getItems();
            items.addListener(new javafx.collections.ListChangeListener<org.mifid.workbench.ui.leaderboard.RankedEntry>() {
                @Override
                public void onChanged(Change<? extends org.mifid.workbench.ui.leaderboard.RankedEntry> change) {
                    if (!items.isEmpty()) {
                        items.removeListener(this);
                        // after the list change has reached the table, which resets its selection and scroll
                        javafx.application.Platform.runLater(() -> {
                            int row = 0;
                            for (int i = 0; i < items.size(); i++) {
                                if (items.get(i).team().contains(focus)) {
                                    row = i;
                                    break;
                                }
                            }
                            view.leaderboardPage().table().getSelectionModel().select(row);
                            view.leaderboardPage().table().scrollTo(row);
                        });
                        if (page != null) {
                            view.showPage(WorkbenchView.Page.LEADERBOARD);
                            view.showPage(WorkbenchView.Page.valueOf(page.toUpperCase()));
                        }
                    }
                }
            });
        }
    }

    /**
     * A fresh machine: builds the demo competition in the background with its public leaderboard scored (about a
     * third of the whole build), opens it, and scores the private leaderboard behind it. Everything stays usable
     * meanwhile: File > Open works, and Stop in the status bar keeps what is done.
     */
    private void buildDemo(WorkbenchView view) {
        DemoCompetition demo = DemoCompetition.standard();
        var task = model.executor().execute(BackgroundTask.of(monitor -> {
            demo.buildPublic(monitor);
            return demo.workspaceFile();
        }).onSuccess(file -> {
            view.openWorkspace(file);
            finishDemo(view, demo);
        }).onFailure(error -> {
            model.statusProperty().set("The demo could not be built: " + ErrorDialogs.summary(error));
            ErrorDialogs.show(null, "Building the demo competition failed", error);
        }));
        view.showBackgroundTask(task, "Building the demo competition (first start only)");
    }

    /**
     * Scores what the demo's private leaderboard lacks (nothing, once it is complete: then this only reads), and
     * reloads the open workspace when that is the demo.
     */
    private void finishDemo(WorkbenchView view, DemoCompetition demo) {
        var task = model.executor().execute(BackgroundTask.of(demo::finishPrivate).onSuccess(scored -> {
            if (scored == 0) {
                return;
            }
            var open = model.workspace();
            if (open != null && open.file().toAbsolutePath().equals(demo.workspaceFile().toAbsolutePath())) {
                model.reload();
            }
            model.statusProperty().set("The demo's private leaderboard is scored (" + scored + " submissions)");
        }).onFailure(error -> model.statusProperty().set("The demo's private leaderboard could not be scored: "
                + ErrorDialogs.summary(error))));
        view.showBackgroundTask(task, "Scoring the demo's private leaderboard");
    }

    private static Optional<Path> initialWorkspace(UiSettings settings) {
        String requested = System.getProperty("mifid.ui.workspace");
        if (requested != null && !requested.isBlank()) {
            return Optional.of(Paths.get(requested));
        }
        Optional<Path> last = settings.get("lastWorkspace").map(Paths::get).filter(Files::isRegularFile);
        if (last.isPresent()) {
            return last;
        }
        DemoCompetition demo = DemoCompetition.standard();
        return demo.exists() ? Optional.of(demo.workspaceFile()) : Optional.empty();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.closeWorkspace();
        }
        if (executor != null) {
            executor.close();
            thumbnails.close();
        }
        if (images != null) {
            images.close();
        }
    }
}
