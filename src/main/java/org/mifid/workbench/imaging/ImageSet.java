package org.mifid.workbench.imaging;

import java.awt.image.BufferedImage;

/**
 * An ordered, validated set of images: a submission or a training set, read from a zip or a folder.
 * Index {@code i} is row {@code i} of the set's feature matrix. Opening a set validates every entry first
 * (hostile archives are rejected before anything is decoded or written); reading is then random access.
 */
public interface ImageSet extends AutoCloseable {

    /** Where the set was read from, for messages. */
    String source();

    int size();

    /** The entry name of image {@code i} (its path inside the zip or folder). */
    String name(int index);

    /** The encoded bytes (PNG or JPEG) of image {@code i}. */
    byte[] bytes(int index);

    /** Image {@code i} decoded to RGB. */
    BufferedImage decode(int index);

    @Override
    void close();
}
