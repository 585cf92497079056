package org.mifid.workbench.kind;

/** A public bank prompt near an item's prediction or truth, with its cosine to it. */
public record BankMatch(String prompt, double cosine) {
}
