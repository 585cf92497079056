package org.mifid.workbench.review;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.store.Workspace;

/**
 * One item of a submission's per-item evidence beside the item's truth as text (the true prompt): the figure the
 * kind keeps for it (the image's cosine) and its detail (the predicted prompt when the submission gave text, a
 * note such as a zero vector, or null).
 *
 * @param truth the item's truth as text, or null when the competition was created from embeddings only
 */
public record EvidenceLine(String item, String truth, String detail, double value) {

    /**
     * A submission's evidence on a board, worst for its score first (lowest cosine when higher is better), ties
     * by item id, so every view of it reads the same order.
     */
    public static List<EvidenceLine> worstFirst(Workspace workspace, CompetitionKind kind, long submissionId,
                                                Board board) {
        Map<String, String> truth = new HashMap<>();
        workspace.truth().forEach(t -> truth.put(t.id(), t.text()));
        return kind.evidence(workspace, submissionId, board).stream()
                .map(e -> new EvidenceLine(e.item(), truth.get(e.item()), e.detail(), e.value()))
                .sorted(order(kind, false))
                .toList();
    }

    /** Worst for the score first, or best first; ties by item id either way, so both read the same ties. */
    public static Comparator<EvidenceLine> order(CompetitionKind kind, boolean bestFirst) {
        Comparator<EvidenceLine> byValue = Comparator.comparingDouble(EvidenceLine::value);
        return (kind.higherIsBetter() != bestFirst ? byValue : byValue.reversed()).thenComparing(EvidenceLine::item);
    }
}
