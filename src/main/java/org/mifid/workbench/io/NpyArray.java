package org.mifid.workbench.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A NumPy array as read from a .npy file or an .npz entry: its dtype, shape and little-endian data in C order
 * (Fortran-ordered files are transposed on reading).
 */
public final class NpyArray {
    /** The element types the workbench reads and writes. */
    public enum DType {
        FLOAT32("<f4", 4), FLOAT64("<f8", 8), INT32("<i4", 4), INT64("<i8", 8);

        final String descr;
        final int size;

        DType(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }
    }

    private final DType dtype;
    private final int[] shape;
    private final ByteBuffer data;

    NpyArray(DType dtype, int[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    public static NpyArray of(float[] values, int... shape) {
        ByteBuffer b = allocate(values.length, DType.FLOAT32);
        b.asFloatBuffer().put(values);
        return new NpyArray(DType.FLOAT32, check(shape, values.length), b);
    }

    public static NpyArray of(double[] values, int... shape) {
        ByteBuffer b = allocate(values.length, DType.FLOAT64);
        b.asDoubleBuffer().put(values);
        return new NpyArray(DType.FLOAT64, check(shape, values.length), b);
    }

    public static NpyArray of(int[] values, int... shape) {
        ByteBuffer b = allocate(values.length, DType.INT32);
        b.asIntBuffer().put(values);
        return new NpyArray(DType.INT32, check(shape, values.length), b);
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public long size() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** Raw little-endian C-order bytes (a read-only view). */
    ByteBuffer data() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** All values as doubles (exact for every supported dtype but int64 beyond 2^53). */
    public double[] toDoubles() {
        int n = Math.toIntExact(size());
        double[] out = new double[n];
        ByteBuffer b = data();
        switch (dtype) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getFloat(i * 4);
                }
            }
            case FLOAT64 -> b.asDoubleBuffer().get(out);
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getInt(i * 4);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getLong(i * 8);
                }
            }
        }
        return out;
    }

    /** All values as float32 (float64 rounded, as numpy's astype(float32)). */
    public float[] toFloats() {
        int n = Math.toIntExact(size());
        if (dtype == DType.FLOAT32) {
            float[] out = new float[n];
            data().asFloatBuffer().get(out);
            return out;
        }
        double[] d = toDoubles();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    public int[] toInts() {
        if (dtype != DType.INT32) {
            throw new IllegalStateException("not an int32 array but " + dtype);
        }
        int[] out = new int[Math.toIntExact(size())];
        data().asIntBuffer().get(out);
        return out;
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }

    private static ByteBuffer allocate(int n, DType t) {
        return ByteBuffer.allocate(Math.multiplyExact(n, t.size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int[] check(int[] shape, int n) {
        long p = 1;
        for (int s : shape) {
            p *= s;
        }
        if (p != n) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + n + " values");
        }
        return shape;
    }
}
