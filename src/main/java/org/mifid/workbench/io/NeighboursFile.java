package org.mifid.workbench.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.engine.Neighbours;

/**
 * Each generated image's nearest training images as an .npz: {@code indices} (int32, images x k) and
 * {@code distances} (float32, images x k). What {@code score --neighbours} and the batch job write and a results
 * import reads.
 */
public final class NeighboursFile {
    private NeighboursFile() {
    }

    public static void write(Path file, Neighbours n) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("indices", NpyArray.of(n.indices(), n.size(), n.k()));
        arrays.put("distances", NpyArray.of(n.distances(), n.size(), n.k()));
        NpzFile.write(file, arrays);
    }

    public static Neighbours read(Path file) {
        Map<String, NpyArray> arrays = NpzFile.read(file, "indices", "distances");
        NpyArray indices = arrays.get("indices");
        NpyArray distances = arrays.get("distances");
        int[] shape = indices.shape();
        if (shape.length != 2 || !java.util.Arrays.equals(shape, distances.shape())) {
            throw new InvalidInputException(file.toString(), "indices and distances must be two matrices of one shape");
        }
        return new Neighbours(shape[1], indices.toInts(), distances.toFloats());
    }
}
