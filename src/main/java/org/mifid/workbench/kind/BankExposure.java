package org.mifid.workbench.kind;

import org.mifid.workbench.core.Board;

/**
 * A hidden item and the public bank prompt nearest to its truth: the higher the cosine, the more the bank gives
 * the answer away (a cosine near 1 is the prompt itself, copyable by any team that searches the bank).
 *
 * @param truth the item's true prompt, or null when the competition was created from embeddings only
 */
public record BankExposure(String item, Board board, String truth, String nearestBankPrompt, double cosine) {
}
