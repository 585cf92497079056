package org.mifid.workbench.features;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.ProgressMonitor;
import org.mifid.workbench.imaging.ImageSet;

/**
 * Extracts the features of a whole image set in batches. While the network runs on one batch, a worker thread
 * decodes and resizes the next, so preprocessing hides behind the forward pass.
 */
public final class FeaturePipeline {
    private final int batchSize;

    public FeaturePipeline(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.batchSize = batchSize;
    }

    public FeatureMatrix extract(ImageSet images, FeatureExtractor extractor, ProgressMonitor monitor) {
        int n = images.size();
        int dim = extractor.spec().dimension();
        float[] out = new float[Math.multiplyExact(n, dim)];
        String message = "Extracting features (" + extractor.spec().id() + ")";
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "feature-preprocessing");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<float[]>> next = n == 0 ? null : worker.submit(() -> prepare(images, extractor, 0));
            for (int start = 0; start < n; start += batchSize) {
                monitor.checkCancelled();
                List<float[]> batch = await(next);
                int following = start + batchSize;
                next = following < n ? worker.submit(() -> prepare(images, extractor, following)) : null;
                FeatureMatrix f = extractor.forward(batch);
                System.arraycopy(f.data(), 0, out, start * dim, f.rows() * dim);
                monitor.update(Math.min(start + batchSize, n), n, message);
            }
        } finally {
            worker.shutdownNow();
        }
        return new FeatureMatrix(out, n, dim);
    }

    private List<float[]> prepare(ImageSet images, FeatureExtractor extractor, int start) {
        int end = Math.min(start + batchSize, images.size());
        List<float[]> batch = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            batch.add(extractor.preprocess(images.decode(i)));
        }
        return batch;
    }

    private static List<float[]> await(Future<List<float[]>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
