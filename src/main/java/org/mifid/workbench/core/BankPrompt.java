package org.mifid.workbench.core;

/**
 * One prompt of a competition's public prompt bank (e.g. a DiffusionDB export) with its embedding, stored with
 * the competition so that the pages can read a predicted embedding back as the bank prompts nearest to it and
 * show which hidden prompts the bank exposes.
 */
public record BankPrompt(String id, String text, float[] vector) {
}
