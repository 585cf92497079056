package org.mifid.workbench.store;

import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.ItemEvidence;

/**
 * A score to store for a competition kind that keeps its own figures (every kind but MiFID, whose scores have
 * their own table): the board score, the kind's named figures and its per-item evidence.
 */
public record NewBoardScore(
        Board board, double value, Map<String, Double> figures, List<ItemEvidence> items, long durationMillis) {
    public NewBoardScore {
        figures = Map.copyOf(figures);
        items = List.copyOf(items);
    }
}
