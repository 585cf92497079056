package org.mifid.workbench.engine;

import org.mifid.workbench.core.ProgressMonitor;

/**
 * A finer comparison of each query with the candidates a search found: the candidates' distances recomputed and
 * the candidates re-sorted by them. A space whose descriptor alone misses some copies (a crop, a rotation) refines
 * its search's nearest with a comparison that catches them; the copy share, its threshold and authenticity then
 * read the refined distances.
 */
public interface NeighbourRefinement {
    /** The search's own distances. */
    NeighbourRefinement NONE = (queries, candidates, monitor) -> candidates;

    /**
     * @param queries the rows the candidates were searched for, in the space's descriptors
     * @param candidates the search's neighbours of {@code queries}, indices into the training rows
     * @return the same candidates with refined distances, nearest first
     */
    Neighbours refine(FeatureMatrix queries, Neighbours candidates, ProgressMonitor monitor);
}
