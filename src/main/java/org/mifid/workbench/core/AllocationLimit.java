package org.mifid.workbench.core;

import java.util.Locale;

/**
 * A size someone typed (-k, --sweep-steps, --batch) checked against what it will allocate before anything is
 * allocated: {@code -k 2000000000} must be one line saying so, not 4.9 GB of arrays and an OutOfMemoryError.
 */
public final class AllocationLimit {
    private AllocationLimit() {
    }

    /**
     * Refuses {@code count} items of {@code bytesPerItem} each when they cannot be one Java array (more than
     * {@code Integer.MAX_VALUE} elements) or do not fit in the heap this process may use.
     *
     * @param option the option as typed, with its value, e.g. {@code "-k 2000000000"}
     * @param what what the items are, for the message, e.g. {@code "neighbours for 50 images"}
     * @throws InvalidInputException naming the option, what it would need and what there is
     */
    public static void require(String option, long count, long bytesPerItem, String what) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        double bytes = (double) count * bytesPerItem;
        if (count < 0 || count > Integer.MAX_VALUE - 8 || bytes > maxHeap) {
            throw new InvalidInputException(option, String.format(Locale.ROOT,
                    "%d %s would need %s, more than the %s this process may use; give a smaller value", count, what,
                    size(bytes), size(maxHeap)));
        }
    }

    private static String size(double bytes) {
        return bytes >= 1 << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (1 << 30))
                : String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / (1 << 20)));
    }
}
