package org.mifid.workbench.ui.leaderboard;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.mifid.workbench.core.Verdict;

/** A verdict shown as a coloured badge (styled in leaderboard.css per verdict). */
final class VerdictBadgeCell extends TableCell<RankedEntry, Verdict> {
    private final Label badge = new Label();

    VerdictBadgeCell() {
        badge.getStyleClass().add("verdict-badge");
    }

    @Override
    protected void updateItem(Verdict verdict, boolean empty) {
        super.updateItem(verdict, empty);
        if (empty || verdict == null || verdict == Verdict.NONE) {
            setGraphic(null);
            return;
        }
        badge.setText(verdict.label());
        badge.getStyleClass().removeIf(s -> s.startsWith("verdict-") && !s.equals("verdict-badge"));
        badge.getStyleClass().add("verdict-" + verdict.name().toLowerCase());
        setGraphic(badge);
    }
}
