package org.mifid.workbench.ui.inspector;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.kind.BankMatch;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.EvidenceLine;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * The inspector of a kind whose items are text (image-to-prompt): for the submission in focus, every item's
 * image (from the competition's images, loaded lazily), truth, the submission's prediction when it gave text, and the item's figure (cosine), worst first or best
 * first, filtered by a figure range, in a virtualized list (only the visible rows exist as nodes). The evidence is read off the FX
 * thread in the order {@link EvidenceLine#worstFirst} gives every view.
 */
public final class EvidencePage extends BorderPane {
    private static final double ROW_HEIGHT = 58;
    /** The item's image beside its text, as tall as the three lines. */
    private static final int THUMB = 52;
    /** Bank prompts shown per image of a submission that sent embeddings. */
    static final int BANK_MATCHES = 3;

    private final WorkbenchModel model;
    private final ImageLookup images;
    private final ThumbnailLoader thumbnails;
    /** The competition's images (display only), or null: each item is {@code <id>.png} in it. */
    private String imagesFolder;
    private final ObservableList<EvidenceLine> lines = FXCollections.observableArrayList();
    private final FilteredList<EvidenceLine> filtered = new FilteredList<>(lines);
    private final SortedList<EvidenceLine> ordered = new SortedList<>(filtered);
    private final ListView<EvidenceLine> list = new ListView<>(ordered);
    private final ToggleButton bestFirst = new ToggleButton("Best first");
    private final Label heading = new Label("No submission");
    private final Label message = new Label();
    private final RangeFilterBar range;
    private final TextField minField;
    private final TextField maxField;
    private boolean active;
    private long loaded;
    /** The nearest bank prompts of the loaded submission's images, by item (empty: text, or no bank). */
    private Map<String, List<BankMatch>> bank = Map.of();

    public EvidencePage(WorkbenchModel model, ImageLookup images, ThumbnailLoader thumbnails) {
        this.model = model;
        this.images = images;
        this.thumbnails = thumbnails;
        setId("evidence-page");
        list.setId("evidence-list");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(l -> new LineCell(this));
        list.setPlaceholder(RangeFilterBar.placeholder("Select a submission on the leaderboard to see its items"));
        heading.setId("evidence-heading");
        heading.getStyleClass().add("title-4");
        message.setId("evidence-message");
        range = new RangeFilterBar(heading, "evidence", "Cosine", 100, "All items", this::applyRange,
                this::applyRange);
        minField = range.min;
        maxField = range.max;
        bestFirst.setId("evidence-best-first");
        bestFirst.setTooltip(new javafx.scene.control.Tooltip("Show the items the submission got best first"
                + " (off: worst first)"));
        bestFirst.selectedProperty().addListener(o -> applyRange());
        bestFirst.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        range.getChildren().add(2, bestFirst);
        HBox foot = new HBox(message);
        foot.setPadding(new Insets(4, 8, 4, 8));
        setTop(range);
        setCenter(list);
        setBottom(foot);
        model.focusedSubmissionProperty().addListener(o -> loadIfActive());
        model.leaderboardProperty().addListener(o -> {
            loaded = 0;
            loadIfActive();
        });
        model.workspaceProperty().addListener(o -> {
            loaded = 0;
            lines.clear();
            heading.setText("No submission");
        });
    }

    /** Loads the focused submission when the page is shown, not on every selection change elsewhere. */
    public void setActive(boolean active) {
        this.active = active;
        loadIfActive();
    }

    private void loadIfActive() {
        long id = model.focusedSubmissionProperty().get();
        Workspace workspace = model.workspace();
        CompetitionKind kind = model.kindProperty().get();
        if (!active || id <= 0 || id == loaded || workspace == null || kind == null) {
            return;
        }
        loaded = id;
        LeaderboardPreset board = model.leaderboard();
        message.setText("Loading\u2026");
        // the bank search reads the submission's vectors again and compares every image with every bank prompt: once
        // per submission, here off the FX thread, never per visible row while the list scrolls
        model.executor().execute(BackgroundTask.of(monitor -> {
                    List<EvidenceLine> read = EvidenceLine.worstFirst(workspace, kind, id, board.board());
                    Map<String, List<BankMatch>> near;
                    String note = null;
                    try {
                        near = kind.nearestBank(workspace, id, board.board(), BANK_MATCHES);
                    } catch (InvalidInputException e) {
                        // the cosines are stored; only the bank prompts need the file: show the rest, say why
                        near = Map.of();
                        note = "No bank prompts: " + e.getMessage();
                    }
                    return new Loaded(workspace.submission(id).orElse(null), read, near, note,
                            workspace.competition().images());
                })
                .onSuccess(read -> {
                    if (loaded != id) {
                        return;
                    }
                    bank = read.bank();
                    imagesFolder = read.imagesFolder();
                    lines.setAll(read.lines());
                    heading.setText(read.submission() == null ? "Submission #" + id
                            : PrintableText.of(read.submission().team()) + " \u2014 "
                                    + PrintableText.of(read.submission().fileName()) + " (" + board.id() + ")");
                    applyRange();
                    if (read.bankNote() != null) {
                        message.setText(message.getText() + ". " + PrintableText.of(read.bankNote()));
                    }
                })
                .onFailure(error -> message.setText("Could not load: " + ErrorDialogs.summary(error))));
    }

    private record Loaded(Submission submission, List<EvidenceLine> lines, Map<String, List<BankMatch>> bank,
                          String bankNote, String imagesFolder) {
    }

    /** Shows the items whose figure lies in the typed range; an unreadable bound is said, not guessed. */
    private void applyRange() {
        double min;
        double max;
        try {
            min = bound(minField.getText(), Double.NEGATIVE_INFINITY);
            max = bound(maxField.getText(), Double.POSITIVE_INFINITY);
        } catch (NumberFormatException e) {
            message.setText("The cosine range must be numbers, such as 0.2 to 0.6");
            return;
        }
        filtered.setPredicate(line -> line.value() >= min && line.value() <= max);
        CompetitionKind kind = model.kindProperty().get();
        if (kind != null) {
            ordered.setComparator(EvidenceLine.order(kind, bestFirst.isSelected()));
        }
        String order = bestFirst.isSelected() ? "best first" : "worst first";
        message.setText(filtered.size() == lines.size()
                ? lines.size() + " items, " + order
                : filtered.size() + " of " + lines.size() + " items with cosine in range, " + order);
    }

    private static double bound(String text, double none) {
        return text == null || text.isBlank() ? none : Double.parseDouble(text.trim());
    }

    /**
     * One item: its id and figure on the first line, the truth and the prediction below: the predicted text, or for
     * an embedding the bank prompts nearest to it with their cosines.
     */
    private static final class LineCell extends ListCell<EvidenceLine> {
        private final EvidencePage page;
        private final Label figure = new Label();
        private final Label truth = new Label();
        private final Label predicted = new Label();
        private final VBox box = new VBox(2, figure, truth, predicted);
        private final ImageView image = new ImageView();
        private final HBox row = new HBox(8, image, box);
        private volatile String key;

        LineCell(EvidencePage page) {
            this.page = page;
            image.setFitWidth(THUMB);
            image.setFitHeight(THUMB);
            image.getStyleClass().add("evidence-image");
            figure.getStyleClass().add("evidence-figure");
            predicted.getStyleClass().add("evidence-predicted");
        }

        @Override
        protected void updateItem(EvidenceLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                key = null;
                setGraphic(null);
                return;
            }
            showImage(line.item());
            figure.setText(line.item() + "   cosine " + String.format(Locale.ROOT, "%.4f", line.value()));
            // competitors' text: control characters are shown escaped, never passed to the screen
            truth.setText("true: " + (line.truth() == null ? "(no prompt text: created from embeddings)"
                    : PrintableText.escape(line.truth())));
            List<BankMatch> near = page.bank.getOrDefault(line.item(), List.of());
            predicted.setText(line.detail() != null && !line.detail().isBlank()
                    ? "predicted: " + PrintableText.escape(line.detail())
                    : near.isEmpty() ? "predicted: (an embedding, no text)"
                    : "nearest bank prompts: " + near.stream().map(m -> "\u201c" + PrintableText.escape(m.prompt())
                            + "\u201d " + String.format(Locale.ROOT, "%.3f", m.cosine()))
                            .collect(java.util.stream.Collectors.joining("  \u00b7  ")));
            setGraphic(row);
        }

        /** The item's image from the competition's images, loaded off the FX thread, dropped if the row moved on. */
        private void showImage(String item) {
            String folder = page.imagesFolder;
            image.setImage(null);
            if (folder == null) {
                key = null;
                return;
            }
            String wanted = folder + "!" + item;
            key = wanted;
            page.thumbnails.load(wanted, THUMB, () -> page.images.read(Path.of(folder), item + ".png"),
                    () -> wanted.equals(key), loaded -> {
                        if (wanted.equals(key)) {
                            image.setImage(loaded);
                        }
                    });
        }
    }

    /** The nearest bank prompts shown for the loaded submission's images, by item. */
    public Map<String, List<BankMatch>> bankMatches() {
        return bank;
    }

    public ListView<EvidenceLine> list() {
        return list;
    }
}
