package org.mifid.workbench.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.export.LeaderboardExporter;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.ItemDisplay;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.comparison.ComparisonPage;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.Icons;
import org.mifid.workbench.ui.common.RecentWorkspaces;
import org.mifid.workbench.ui.common.TaskExecutor;
import org.mifid.workbench.ui.common.TaskHandle;
import org.mifid.workbench.ui.common.Theme;
import org.mifid.workbench.ui.common.WorkbenchModel;
import org.mifid.workbench.ui.help.ShortcutSheet;
import org.mifid.workbench.ui.histogram.HistogramPage;
import org.mifid.workbench.ui.histogram.KindHistogramPage;
import org.mifid.workbench.ui.imports.ImportOptionsDialog;
import org.mifid.workbench.ui.imports.ResultsImportRun;
import org.mifid.workbench.ui.histogram.InspectionQueue;
import org.mifid.workbench.ui.inspector.EvidencePage;
import org.mifid.workbench.ui.inspector.InspectorModel;
import org.mifid.workbench.ui.inspector.InspectorPage;
import org.mifid.workbench.ui.inspector.ThumbnailLoader;
import org.mifid.workbench.ui.leaderboard.LeaderboardModel;
import org.mifid.workbench.ui.leaderboard.LeaderboardPage;
import org.mifid.workbench.ui.scoring.ScoringPage;
import org.mifid.workbench.ui.verdicts.KeyBindings;
import org.mifid.workbench.ui.verdicts.ReviewAction;
import org.mifid.workbench.ui.verdicts.ReviewController;
import org.mifid.workbench.ui.verdicts.VerdictHistoryPane;
import org.mifid.workbench.ui.verdicts.VerdictRecorder;

/**
 * The window's content: menus, toolbar, one tab per page, and a status line. Built the same way by the app and
 * by the tests (which give it a same-thread executor and no coalescing delay).
 */
public final class WorkbenchView extends BorderPane {
    private final HBox statusBar;
    /** The pages, by the names used in {@code -Dmifid.ui.page} and the tab ids. */
    public enum Page { LEADERBOARD, HISTOGRAM, INSPECTOR, SCORING, COMPARISON }

    private final WorkbenchModel model;
    private final TabPane tabs = new TabPane();
    private final LeaderboardPage leaderboardPage;
    private final HistogramPage histogramPage;
    private final KindHistogramPage kindHistogramPage;
    private final InspectorPage inspectorPage;
    private final EvidencePage evidencePage;
    private final ScoringPage scoringPage;
    private final ReviewController review;
    private Theme theme;
    private MenuBar menuBar;
    private final RecentWorkspaces recent;

    public WorkbenchView(WorkbenchModel model, TaskExecutor thumbnailExecutor, ImageLookup images,
                         Duration coalesce, Theme theme) {
        this.model = model;
        this.theme = theme;
        this.recent = new RecentWorkspaces(model.settings());
        setId("workbench");
        VerdictRecorder recorder = new VerdictRecorder(model);
        review = new ReviewController(model, recorder, new KeyBindings(model.settings()));
        LeaderboardModel ranking = new LeaderboardModel(model, coalesce);
        leaderboardPage = new LeaderboardPage(model, ranking,
                new LeaderboardModel(model, coalesce, LeaderboardModel.Board.OTHER), review,
                new VerdictHistoryPane(model, recorder));
        histogramPage = new HistogramPage(model, ranking.entries());
        InspectionQueue queue = new InspectionQueue(model);
        histogramPage.setOnInspect(ids -> {
            queue.start(ids);
            showPage(Page.INSPECTOR);
        });
        ThumbnailLoader thumbnails = new ThumbnailLoader(thumbnailExecutor, 1500);
        inspectorPage = new InspectorPage(model, new InspectorModel(model), images, thumbnails);
        evidencePage = new EvidencePage(model, images, thumbnails);
        kindHistogramPage = new KindHistogramPage(model);
        scoringPage = new ScoringPage(model);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab inspectorTab = tab(Page.INSPECTOR, "Inspector", "inspector", inspectorPage);
        Tab histogramTab = tab(Page.HISTOGRAM, "Histogram", "histogram", histogramPage);
        // a kind whose items are text is inspected as text, and a kind without a tuned threshold has its own
        // histograms; the tabs, their keys and their places stay the same
        model.kindProperty().addListener(o -> {
            inspectorTab.setContent(showsText() ? evidencePage : inspectorPage);
            histogramTab.setContent(tunesThreshold() ? histogramPage : kindHistogramPage);
            pageChanged();
        });
        tabs.getTabs().addAll(tab(Page.LEADERBOARD, "Leaderboard", "leaderboard", leaderboardPage),
                histogramTab,
                inspectorTab,
                tab(Page.SCORING, "Scoring", "score", scoringPage),
                tab(Page.COMPARISON, "Public vs private", "compare", new ComparisonPage(model)));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> pageChanged());
        leaderboardPage.setOnOpen(() -> showPage(Page.INSPECTOR));
        pageChanged();

        Label status = new Label();
        status.setId("status-line");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        statusBar = new HBox(8, status);
        statusBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(3, 8, 3, 8));
        statusBar.getStyleClass().add("status-bar");

        setTop(new VBox(menuBar(recorder), toolBar(recorder)));
        setCenter(tabs);
        setBottom(statusBar);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (getScene() != null) {
                review.handle(e, getScene().getFocusOwner());
            }
        });
    }

    /**
     * Background work of the whole window (the demo's first build, its private leaderboard) in the status bar: its
     * progress and a Stop button, both gone when it ends. Its message goes to the status line.
     */
    public void showBackgroundTask(TaskHandle task, String what) {
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("background-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(task.progressProperty());
        Button stop = new Button("Stop");
        stop.setId("background-stop");
        stop.setTooltip(new javafx.scene.control.Tooltip("Stop " + what + "; what is done is kept"));
        stop.setOnAction(e -> task.cancel());
        statusBar.getChildren().addAll(bar, stop);
        task.messageProperty().addListener((obs, old, now) -> {
            if (task.runningProperty().get()) {
                model.statusProperty().set(String.format(java.util.Locale.ROOT, "%s: %s (%.0f %%)", what, now,
                        100 * Math.max(0, task.progressProperty().get())));
            }
        });
        Runnable remove = () -> statusBar.getChildren().removeAll(bar, stop);
        if (!task.runningProperty().get()) {
            remove.run();
        }
        task.runningProperty().addListener((obs, was, running) -> {
            if (!running) {
                remove.run();
            }
        });
    }

    private Tab tab(Page page, String title, String icon, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + page.name().toLowerCase());
        tab.setUserData(page);
        Icons.load(icon, 16).ifPresent(image -> tab.setGraphic(new javafx.scene.image.ImageView(image)));
        return tab;
    }

    private void pageChanged() {
        Page page = currentPage();
        boolean text = showsText();
        inspectorPage.setActive(page == Page.INSPECTOR && !text);
        evidencePage.setActive(page == Page.INSPECTOR && text);
        kindHistogramPage.setActive(page == Page.HISTOGRAM && !tunesThreshold());
        // on a text inspector the hotkeys judge the leaderboard's selection, which is the submission shown
        review.setTargets(page == Page.INSPECTOR && !text ? inspectorPage::targets : leaderboardPage::targets);
    }

    private boolean tunesThreshold() {
        CompetitionKind kind = model.kindProperty().get();
        return kind == null || kind.tunesThreshold();
    }

    private boolean showsText() {
        CompetitionKind kind = model.kindProperty().get();
        return kind != null && kind.itemDisplay() == ItemDisplay.TEXT;
    }

    public Page currentPage() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null ? Page.LEADERBOARD : (Page) tab.getUserData();
    }

    public void showPage(Page page) {
        tabs.getTabs().stream().filter(t -> t.getUserData() == page).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private MenuBar menuBar(VerdictRecorder recorder) {
        MenuItem newWorkspace = command("New workspace\u2026", "Shortcut+N", () -> chooseWorkspace(true));
        MenuItem open = Icons.decorate(command("Open workspace\u2026", "Shortcut+O", () -> chooseWorkspace(false)),
                "open");
        MenuItem export = Icons.decorate(command("Export leaderboard\u2026", "Shortcut+E", this::chooseExport),
                "export");
        MenuItem importResults = command("Import results\u2026", "Shortcut+I", this::chooseImport);
        MenuItem quit = command("Quit", "Shortcut+Q", () -> getScene().getWindow().hide());
        Menu recentMenu = new Menu("Recent workspaces");
        recentMenu.setId("menu-recent");
        Menu file = new Menu("_File", null, newWorkspace, open, recentMenu, new SeparatorMenuItem(), importResults,
                export, new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> fillRecent(recentMenu));

        Menu verdicts = new Menu("_Verdict");
        for (ReviewAction action : ReviewAction.values()) {
            MenuItem item = new MenuItem(action.title());
            item.setAccelerator(review.bindings().combination(action));
            item.setOnAction(e -> review.perform(action));
            if (action == ReviewAction.UNDO) {
                item.disableProperty().bind(recorder.canUndoProperty().not());
            } else if (action == ReviewAction.REDO) {
                item.disableProperty().bind(recorder.canRedoProperty().not());
            }
            verdicts.getItems().add(item);
        }
        verdicts.getItems().addAll(new SeparatorMenuItem(),
                command("Reviewer name\u2026", "Shortcut+Shift+R", this::askReviewer));

        Menu view = new Menu("V_iew");
        for (Page page : Page.values()) {
            view.getItems().add(command(page.name().charAt(0) + page.name().substring(1).toLowerCase(),
                    "Shortcut+" + (page.ordinal() + 1), () -> showPage(page)));
        }
        MenuItem find = command("Find on the leaderboard", "Shortcut+F", () -> {
            showPage(Page.LEADERBOARD);
            leaderboardPage.focusSearch();
        });
        MenuItem toggleTheme = Icons.decorate(command("Light / dark theme", "Shortcut+Shift+T", this::toggleTheme),
                "theme");
        view.getItems().addAll(new SeparatorMenuItem(), find, toggleTheme);

        MenuItem shortcuts = command("Keyboard shortcuts", "F1", this::showShortcuts);
        shortcuts.setId("menu-shortcuts");
        Menu help = new Menu("_Help", null, shortcuts);
        menuBar = new MenuBar(file, verdicts, view, help);
        menuBar.setId("menu-bar");
        return menuBar;
    }

    /**
     * The recent workspaces, most recent first, rebuilt each time the File menu opens; files gone since are dropped
     * from the list, and the menu and the status line say which.
     */
    void fillRecent(Menu menu) {
        List<Path> missing = recent.dropMissing();
        menu.getItems().clear();
        List<Path> files = recent.list();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            MenuItem item = new MenuItem(PrintableText.of(file.getFileName() + " \u2014 " + file.getParent()));
            item.setMnemonicParsing(false);
            item.setId("recent-" + i);
            item.setOnAction(e -> openRecent(file));
            menu.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No workspace opened yet");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        if (!missing.isEmpty()) {
            String note = "Dropped from the recent workspaces (file gone): " + PrintableText.of(missing.stream()
                    .map(Path::toString).collect(java.util.stream.Collectors.joining(", ")));
            MenuItem dropped = new MenuItem(note);
            dropped.setMnemonicParsing(false);
            dropped.setId("recent-dropped");
            dropped.setDisable(true);
            menu.getItems().addAll(new SeparatorMenuItem(), dropped);
            model.statusProperty().set(note);
        }
    }

    private void openRecent(Path file) {
        if (Files.isRegularFile(file)) {
            openWorkspace(file);
        } else {
            recent.dropMissing();
            model.statusProperty().set("Dropped from the recent workspaces (file gone): " + PrintableText.of(
                    file.toString()));
        }
    }

    private void chooseImport() {
        if (model.workspace() == null) {
            model.statusProperty().set("Open a workspace first");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Results (CSV)", "*.csv"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            importResults(file.toPath());
        }
    }

    /**
     * File > Import results… once the file is chosen: the options, then the import on the writer with progress
     * and Cancel, then its summary.
     */
    public void importResults(Path file) {
        Window owner = getScene() == null ? null : getScene().getWindow();
        ImportOptionsDialog.ask(owner, file).ifPresent(choice -> {
            if (choice.newWorkspace() == null) {
                ResultsImportRun.start(model, owner, file, choice);
            } else {
                openWorkspace(choice.newWorkspace(), () -> ResultsImportRun.start(model, owner, file, choice));
            }
        });
    }

    /** A menu item with its accelerator: the menus are the keyboard's way to every command. */
    private static MenuItem command(String title, String keys, Runnable action) {
        MenuItem item = new MenuItem(title);
        item.setAccelerator(KeyCombination.valueOf(keys));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Help > Keyboard shortcuts, generated from the menus as they are now and the pages' own keys. */
    public void showShortcuts() {
        ShortcutSheet.show(getScene() == null ? null : getScene().getWindow(), ShortcutSheet.of(menuBar));
    }

    private ToolBar toolBar(VerdictRecorder recorder) {
        Button open = Icons.decorate(new Button("Open"), "open");
        open.setOnAction(e -> chooseWorkspace(false));
        Button exportButton = Icons.decorate(new Button("Export"), "export");
        exportButton.setOnAction(e -> chooseExport());
        Button legit = Icons.decorate(new Button("Legit (L)"), "legit");
        legit.setOnAction(e -> review.perform(ReviewAction.MARK_LEGIT));
        Button cheater = Icons.decorate(new Button("Cheater (C)"), "cheater");
        cheater.setOnAction(e -> review.perform(ReviewAction.MARK_CHEATER));
        Button needsReview = Icons.decorate(new Button("Review (R)"), "review");
        needsReview.setOnAction(e -> review.perform(ReviewAction.MARK_NEEDS_REVIEW));
        Button note = Icons.decorate(new Button("Note (N)"), "note");
        note.setOnAction(e -> review.perform(ReviewAction.ADD_NOTE));
        Button undo = Icons.decorate(new Button("Undo"), "undo");
        undo.setId("undo-button");
        undo.disableProperty().bind(recorder.canUndoProperty().not());
        undo.setOnAction(e -> recorder.undo());
        Button redo = Icons.decorate(new Button("Redo"), "redo");
        redo.disableProperty().bind(recorder.canRedoProperty().not());
        redo.setOnAction(e -> recorder.redo());
        Button themeButton = Icons.decorate(new Button("Theme"), "theme");
        themeButton.setOnAction(e -> toggleTheme());
        for (Button b : new Button[] {legit, cheater, needsReview, note, undo, redo, themeButton, open, exportButton}) {
            b.setFocusTraversable(false);
        }
        return new ToolBar(open, exportButton, new Separator(), legit, cheater, needsReview, note, new Separator(), undo, redo,
                new Separator(), themeButton);
    }

    private void toggleTheme() {
        theme = theme.other();
        theme.apply();
        model.settings().put("theme", theme.name().toLowerCase());
        model.settings().save();
    }

    private void askReviewer() {
        TextInputDialog dialog = new TextInputDialog(model.settings().reviewer());
        dialog.setTitle("Reviewer");
        dialog.setHeaderText("Name recorded with your verdicts and thresholds");
        dialog.showAndWait().filter(s -> !s.isBlank()).ifPresent(name -> {
            model.settings().put("reviewer", name.strip());
            model.settings().save();
        });
    }

    private void chooseWorkspace(boolean create) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Workspaces", "*.db", "*.sqlite"));
        File file = create ? chooser.showSaveDialog(getScene().getWindow())
                : chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            Path path = file.toPath();
            if (create && !path.getFileName().toString().contains(".")) {
                path = path.resolveSibling(path.getFileName() + ".db");
            }
            openWorkspace(path);
        }
    }

    private void chooseExport() {
        if (model.workspace() == null) {
            model.statusProperty().set("Open a workspace first");
            return;
        }
        FileChooser chooser = new FileChooser();
        for (LeaderboardExporter.Format format : LeaderboardExporter.Format.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    format.name() + " (*." + format.id() + ")", "*." + format.id()));
        }
        chooser.setInitialFileName(model.leaderboard().id() + "-leaderboard.html");
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(1));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            String name = file.getName().toLowerCase();
            LeaderboardExporter.Format format = java.util.Arrays.stream(LeaderboardExporter.Format.values())
                    .filter(f -> name.endsWith("." + f.id())).findFirst()
                    .orElse(LeaderboardExporter.Format.valueOf(chooser.getSelectedExtensionFilter().getDescription()
                            .split(" ")[0]));
            export(file.toPath(), format);
        }
    }

    /**
     * Writes the annotated leaderboard (the export service's content, at the threshold in force, not the one
     * being tried) off the FX thread.
     */
    public void export(Path file, LeaderboardExporter.Format format) {
        Workspace workspace = model.workspace();
        var leaderboard = model.leaderboard();
        model.statusProperty().set("Exporting " + file.getFileName() + "\u2026");
        // on the writer, after every decision taken before it: the export holds what the organizer saw
        model.executor().write(BackgroundTask.of(monitor ->
                LeaderboardExporter.export(workspace, leaderboard, format, file)).onSuccess(board ->
                model.statusProperty().set(String.format("Exported %d submissions of the %s leaderboard (threshold "
                        + "%.4f) to %s", board.rows().size(), leaderboard.id(), board.threshold(), file)))
                .onFailure(error -> ErrorDialogs.show(getScene().getWindow(), "Export failed", error)));
    }

    /** Opens (or creates) a workspace off the FX thread and remembers it as the last one. */
    public void openWorkspace(Path file) {
        openWorkspace(file, () -> { });
    }

    /** Opens (or creates) a workspace, then runs {@code then} on the FX thread once it is the open one. */
    private void openWorkspace(Path file, Runnable then) {
        model.statusProperty().set("Opening " + file + "\u2026");
        // the name is read here, off the FX thread, with the opening
        model.executor().execute(BackgroundTask.of(monitor -> {
            Workspace opened = Workspace.open(file);
            return Map.entry(opened, opened.competitionName() + ", " + CompetitionKind.of(opened).title());
        }).onSuccess(opened -> {
            model.open(opened.getKey());
            model.settings().put("lastWorkspace", file.toAbsolutePath().toString());
            recent.opened(file);
            if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
                stage.setTitle("MiFID Workbench \u2014 " + opened.getValue() + " (" + file.getFileName() + ")");
            }
            then.run();
        }).onFailure(error -> {
            model.statusProperty().set("Could not open " + file + ": " + ErrorDialogs.summary(error));
            ErrorDialogs.show(getScene() == null ? null : getScene().getWindow(), "Cannot open workspace", error);
        }));
    }

    public LeaderboardPage leaderboardPage() {
        return leaderboardPage;
    }

    public HistogramPage histogramPage() {
        return histogramPage;
    }

    public EvidencePage evidencePage() {
        return evidencePage;
    }

    public KindHistogramPage kindHistogramPage() {
        return kindHistogramPage;
    }

    public ScoringPage scoringPage() {
        return scoringPage;
    }

    public InspectorPage inspectorPage() {
        return inspectorPage;
    }

    public ReviewController review() {
        return review;
    }

    /** A scene for this view (the same in the app and the tests). */
    public Scene scene(double width, double height) {
        return new Scene(this, width, height);
    }
}
