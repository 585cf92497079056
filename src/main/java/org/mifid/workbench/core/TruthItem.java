package org.mifid.workbench.core;

/**
 * One hidden item of a competition whose truth is stored in the workspace: its id, the board it counts on, its
 * text (a prompt) and its vector (the prompt's embedding), computed once when the competition is created.
 */
public record TruthItem(String id, Board board, String text, float[] vector) {
}
