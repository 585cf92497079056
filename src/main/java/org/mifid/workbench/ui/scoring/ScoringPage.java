package org.mifid.workbench.ui.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.scoring.FolderScoring;
import org.mifid.workbench.engine.MifidScore;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.scoring.ScoringRequest;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.ModelSpec;
import org.mifid.workbench.scoring.SubmissionScoring;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.WorkspaceHold;
import org.mifid.workbench.ui.common.Icons;
import org.mifid.workbench.ui.common.TaskHandle;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * The scoring page: pick a zip or folder, the leaderboard and extractor, and score it in the background with
 * progress, an estimate of the time left, and cancel. The result appears on the leaderboard and the histogram.
 */
public final class ScoringPage extends BorderPane {
    private final WorkbenchModel model;
    private final TextField archive = new TextField();
    private final TextField team = new TextField();
    private final TextField externalId = new TextField();
    private final ComboBox<LeaderboardPreset> leaderboard = new ComboBox<>();
    private final ComboBox<String> extractor = new ComboBox<>();
    private final ComboBox<String> profile = new ComboBox<>();
    private final Label comparability = new Label();
    private final ComboBox<String> device = new ComboBox<>();
    private final Spinner<Integer> k = new Spinner<>(1, 50, 5);
    private final Button start = new Button("Score");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label("Idle");
    private final Label eta = new Label();
    private final CheckBox both = new CheckBox("Score on both leaderboards (each with its own network and training"
            + " set)");
    private final Button folderRun = new Button("Score a folder of archives\u2026");
    private final TextArea results = new TextArea();
    private TaskHandle running;

    public ScoringPage(WorkbenchModel model) {
        this.model = model;
        setId("scoring-page");
        archive.setId("scoring-archive");
        team.setId("scoring-team");
        leaderboard.setId("scoring-leaderboard");
        extractor.setId("scoring-extractor");
        start.setId("scoring-start");
        cancel.setId("scoring-cancel");
        progress.setId("scoring-progress");
        progressText.setId("scoring-message");
        eta.setId("scoring-eta");
        archive.setPromptText("submission .zip or folder of images");
        team.setPromptText("team name on the leaderboard");
        externalId.setPromptText("competition submission id (optional)");
        leaderboard.getItems().setAll(LeaderboardPreset.values());
        leaderboard.setValue(LeaderboardPreset.PUBLIC);
        leaderboard.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LeaderboardPreset preset) {
                return preset == null ? "" : preset.id() + " (threshold " + model.appliedThreshold(preset) + ")";
            }

            @Override
            public LeaderboardPreset fromString(String text) {
                return LeaderboardPreset.parse(text.split(" ")[0]);
            }
        });
        extractor.setEditable(true);
        java.util.Map<String, ModelSpec> specs = new java.util.LinkedHashMap<>();
        ExtractorRegistry.standard().specs().forEach(m -> specs.put(m.id(), m));
        extractor.getItems().addAll(specs.keySet());
        comparability.setId("scoring-comparability");
        extractor.valueProperty().addListener((obs, old, now) -> {
            ModelSpec m = specs.get(now);
            comparability.setText(m == null ? "" : m.comparableWithKaggle() ? "comparable with Kaggle's scores"
                    : "not comparable with Kaggle's numbers (a different network)");
        });
        extractor.setValue(configuredExtractor(LeaderboardPreset.PUBLIC));
        leaderboard.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                extractor.setValue(configuredExtractor(now));
            }
        });
        // a workspace (re)loaded or a threshold applied: the boards' networks and thresholds in force, re-rendered
        model.dataVersionProperty().addListener((obs, old, now) -> {
            LeaderboardPreset board = leaderboard.getValue();
            leaderboard.getItems().setAll(LeaderboardPreset.values());
            leaderboard.setValue(board);
            extractor.setValue(configuredExtractor(board));
        });
        profile.getItems().setAll("kaggle-dogs", "lenient");
        profile.setValue("kaggle-dogs");
        device.getItems().setAll("auto", "cpu", "gpu");
        device.setValue("auto");
        k.setEditable(true);

        Button zip = new Button("Zip\u2026");
        zip.setOnAction(e -> chooseZip());
        Icons.decorate(zip, "open");
        Button folder = new Button("Folder\u2026");
        folder.setOnAction(e -> chooseFolder());
        start.getStyleClass().add("accent");
        Icons.decorate(start, "score");
        Icons.decorate(cancel, "cancel");
        start.setOnAction(e -> startScoring());
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
                progressText.setText("Cancelling\u2026");
            }
        });
        cancel.setDisable(true);
        progress.setPrefWidth(480);
        both.setId("scoring-both");
        folderRun.setId("scoring-folder-run");
        Icons.decorate(folderRun, "open");
        folderRun.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dir != null) {
                scoreFolder(dir.toPath());
            }
        });
        results.setId("scoring-results");
        results.setEditable(false);
        results.setPrefRowCount(6);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Archive"), archive, new HBox(6, zip, folder));
        form.addRow(1, new Label("Team"), team);
        form.addRow(2, new Label("Submission id"), externalId);
        form.addRow(3, new Label("Leaderboard"), leaderboard);
        form.addRow(4, new Label("Extractor"), extractor, comparability);
        form.addRow(5, new Label("Device"), device);
        form.addRow(6, new Label("Neighbours kept (k)"), k);
        form.addRow(7, new Label("Archive rules"), profile);
        form.add(both, 1, 8, 2, 1);
        archive.setPrefColumnCount(40);
        Label title = new Label("Score a submission");
        title.getStyleClass().add("title-3");
        HBox buttons = new HBox(8, start, folderRun, cancel);
        HBox status = new HBox(12, progress, eta);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(14, title, form, buttons, status, progressText, results);
        page.setPadding(new Insets(16));
        setCenter(page);
    }

    private void chooseZip() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip archives", "*.zip"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            setArchive(file.toPath());
        }
    }

    private void chooseFolder() {
        File dir = new DirectoryChooser().showDialog(getScene().getWindow());
        if (dir != null) {
            setArchive(dir.toPath());
        }
    }

    private void setArchive(Path path) {
        archive.setText(path.toString());
        if (team.getText().isBlank()) {
            String name = path.getFileName().toString();
            team.setText(name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name);
        }
    }

    /** The network the open workspace scores this leaderboard with, as the model last loaded it. */
    private String configuredExtractor(LeaderboardPreset board) {
        return model.extractor(board);
    }

    private void startScoring() {
        Workspace workspace = model.workspace();
        if (workspace == null) {
            progressText.setText("Open or create a workspace first (File menu)");
            return;
        }
        if (archive.getText().isBlank() || team.getText().isBlank()) {
            progressText.setText("Choose an archive and give the team name");
            return;
        }
        ScoringRequest request = request(Path.of(archive.getText().trim()), team.getText().trim());
        List<LeaderboardPreset> boards = boards(request.leaderboard());
        run(workspace, (scoring, monitor) -> scoring.scoreOnBoards(request, boards, null, monitor), (scored, same) -> {
            List<String> lines = new ArrayList<>();
            scored.scores().forEach((board, score) -> lines.add(figures(board, score)));
            results.setText(String.join("\n", lines));
            String text = "Scored " + request.team() + " on " + String.join("; on ", lines)
                    + (boards.size() == 1 ? "; not scored on the " + other(request.leaderboard()).id() + " board" : "");
            if (!same) {
                finish(text + "; stored in the workspace open when it started");
                return;
            }
            finish(text);
            model.reload();
            model.focusedSubmissionProperty().set(scored.submissionId());
        });
    }

    /**
     * Scores every archive of a folder (its zips and sub-folders), one after another with the settings on the
     * page, each under its own name as team; one progress bar for the whole folder, Cancel keeps those finished.
     */
    public void scoreFolder(Path folder) {
        Workspace workspace = model.workspace();
        if (workspace == null) {
            progressText.setText("Open or create a workspace first (File menu)");
            return;
        }
        ScoringRequest template = request(folder, "");
        List<LeaderboardPreset> boards = boards(template.leaderboard());
        String name = PrintableText.of(folder.getFileName().toString());
        run(workspace, (scoring, monitor) -> new FolderScoring(scoring).score(folder, template, boards, monitor),
                (summary, same) -> {
                    results.setText(summary.outcomes().stream().map(o -> PrintableText.of(o.team()) + ": "
                            + (o.stored() ? "stored" : "refused: " + o.problem())).collect(Collectors.joining("\n")));
                    long refused = summary.outcomes().size() - summary.stored();
                    finish("Scored " + summary.stored() + " of " + summary.archives() + " archives of " + name
                            + (summary.cancelled() ? "; cancelled, the " + summary.stored() + " finished are stored" : "")
                            + (refused > 0 ? "; " + refused + " refused (listed below)" : "")
                            + (same ? "" : "; stored in the workspace open when it started"));
                    if (same && summary.stored() > 0) {
                        model.reload();
                    }
                });
    }

    private ScoringRequest request(Path source, String teamName) {
        return new ScoringRequest(source, teamName, externalId.getText().isBlank() ? null
                : externalId.getText().trim(), leaderboard.getValue(), extractor.getValue(), device.getValue(),
                k.getValue(), profile.getValue());
    }

    /** The page's board, and the other one too when "both" is ticked. */
    private List<LeaderboardPreset> boards(LeaderboardPreset board) {
        return both.isSelected() ? List.of(board, other(board)) : List.of(board);
    }

    private static LeaderboardPreset other(LeaderboardPreset board) {
        return board == LeaderboardPreset.PUBLIC ? LeaderboardPreset.PRIVATE : LeaderboardPreset.PUBLIC;
    }

    /** Work on one scoring session of the workspace (networks and training features loaded once for it). */
    @FunctionalInterface
    private interface ScoringWork<T> {
        T run(SubmissionScoring scoring, ProgressMonitor monitor);
    }

    /**
     * Runs scoring work in the background with progress, the time left and Cancel; the workspace is held until
     * it ends, so opening another one meanwhile closes this one only afterwards.
     */
    private <T> void run(Workspace workspace, ScoringWork<T> work, BiConsumer<T, Boolean> done) {
        long started = System.nanoTime();
        start.setDisable(true);
        folderRun.setDisable(true);
        cancel.setDisable(false);
        progress.setProgress(-1);
        progressText.setText("Starting\u2026");
        eta.setText("");
        results.clear();
        WorkspaceHold hold = model.hold();
        running = model.executor().execute(BackgroundTask.of(
                monitor -> {
                    try (hold; SubmissionScoring scoring = new SubmissionScoring(workspace)) {
                        return work.run(scoring, monitor);
                    }
                })
                .onSuccess(result -> {
                    progress.setProgress(1);
                    done.accept(result, model.workspace() == workspace);
                })
                .onCancelled(() -> finish("Cancelled; nothing was saved"))
                .onFailure(error -> {
                    finish("Failed: " + ErrorDialogs.summary(error));
                    ErrorDialogs.show(getScene() == null ? null : getScene().getWindow(), "Scoring failed", error);
                }));
        running.progressProperty().addListener((obs, old, now) -> {
            double fraction = now.doubleValue();
            progress.setProgress(fraction);
            eta.setText(Eta.format(started, System.nanoTime(), fraction));
        });
        running.messageProperty().addListener((obs, old, now) -> progressText.setText(now));
    }

    /** A fresh score's figures on one board at the threshold in force there. */
    private String figures(LeaderboardPreset board, MifidScore score) {
        double threshold = model.appliedThreshold(board);
        return String.format(Locale.ROOT, "the %s board: FID %.2f, distance %.4f, MiFID %.2f at threshold %.4f (%s)",
                board.id(), score.fid(), score.distance(), MifidScore.mifid(score.fid(), score.distance(), threshold),
                threshold, MifidScore.penalised(score.distance(), threshold) ? "flagged" : "not flagged");
    }

    private void finish(String text) {
        start.setDisable(false);
        folderRun.setDisable(false);
        cancel.setDisable(true);
        progress.setProgress(0);
        eta.setText("");
        progressText.setText(text);
        model.statusProperty().set(text);
    }
}
