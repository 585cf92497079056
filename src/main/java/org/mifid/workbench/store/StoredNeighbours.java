package org.mifid.workbench.store;

import java.util.List;
import org.mifid.workbench.engine.Neighbours;

/** A submission's neighbours as stored: its image names in row order and the reference set they point into. */
public record StoredNeighbours(List<String> imageNames, Neighbours neighbours, long referenceSetId) {
}
