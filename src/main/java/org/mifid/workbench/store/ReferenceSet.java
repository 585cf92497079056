package org.mifid.workbench.store;

/**
 * A training (reference) set that generated images are compared against.
 *
 * @param id the workspace's key (0 before it is stored)
 * @param name display name
 * @param location the folder or zip the images were read from
 * @param checksum SHA-256 over the set's names and bytes, the key of its cached features
 * @param imageCount images in the set, in the order of the feature rows
 */
public record ReferenceSet(long id, String name, String location, String checksum, int imageCount) {
}
