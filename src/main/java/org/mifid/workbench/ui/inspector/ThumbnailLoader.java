package org.mifid.workbench.ui.inspector;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.TaskExecutor;

/**
 * Decodes images off the FX thread at the size they are shown, scaled nearest-neighbour at load time (the only way
 * that gives crisp pixels on the software pipeline), and keeps the most recently used ones in a bounded LRU cache so
 * that scrolling through 10,000 rows holds a fixed amount of memory.
 */
public final class ThumbnailLoader {

    /** Reads the encoded bytes of one image. */
    @FunctionalInterface
    public interface Bytes {
        byte[] read() throws Exception;
    }

    private final TaskExecutor executor;
    private final Map<String, Image> cache;

    public ThumbnailLoader(TaskExecutor executor, int capacity) {
        this.executor = executor;
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A cached image, or null; call on the FX thread. */
    public Image cached(String key, int size) {
        synchronized (cache) {
            return cache.get(key + "@" + size);
        }
    }

    /**
     * Loads an image at {@code size} pixels square and hands it to {@code onLoaded} on the FX thread. A request whose
     * {@code stillWanted} is false by the time a worker picks it up (its cell scrolled away) is skipped.
     */
    public void load(String key, int size, Bytes bytes, BooleanSupplier stillWanted, Consumer<Image> onLoaded) {
        String cacheKey = key + "@" + size;
        Image hit = cached(key, size);
        if (hit != null) {
            onLoaded.accept(hit);
            return;
        }
        executor.execute(BackgroundTask.of(monitor -> {
            if (!stillWanted.getAsBoolean()) {
                return null;
            }
            Image image = new Image(new ByteArrayInputStream(bytes.read()), size, size, false, false);
            synchronized (cache) {
                cache.put(cacheKey, image);
            }
            return image;
        }).onSuccess(image -> {
            if (image != null) {
                onLoaded.accept(image);
            }
        }));
    }
}
