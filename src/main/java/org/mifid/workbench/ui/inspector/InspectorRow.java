package org.mifid.workbench.ui.inspector;

import java.util.List;

/**
 * One line of the inspector's list: as many images (each with its neighbours) as the page's width holds side by
 * side, one on a narrow window.
 *
 * @param first the index of {@code items.get(0)} in the filtered list, so a line knows which images it holds
 */
record InspectorRow(int first, List<InspectorItem> items) {

    boolean holds(int index) {
        return index >= first && index < first + items.size();
    }
}
