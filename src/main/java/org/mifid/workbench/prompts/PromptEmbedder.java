package org.mifid.workbench.prompts;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * The competition's sentence embedding, all-MiniLM-L6-v2, exactly as sentence-transformers computes it: BERT
 * WordPiece tokens truncated at 256 (with [CLS] and [SEP]), the transformer's last hidden state, the mean over
 * the tokens the attention mask keeps, L2-normalised. The ONNX graph and tokenizer.json come from the
 * langchain4j artifact on the class path; ONNX Runtime runs the graph.
 *
 * <p>Speed: the same prompt is embedded once per call; prompts are embedded in batches of similar length
 * (padded to the longest, the mask keeps padding out of the mean), and the batches run side by side, one per
 * core, each single-threaded on one shared session: small matrices gain nothing from splitting one product over
 * threads that must wait for each other (on a busy machine, for a descheduled sibling), and ONNX Runtime's
 * spinning worker threads would burn the cores that the other batch needs.
 *
 * <p>The model is loaded once per process (reading and optimising the 86 MB graph costs about a second of CPU)
 * and kept, as DJL keeps a loaded engine: {@link #open()} hands out a handle to it, {@link #close()} ends the
 * handle. Use handles in try-with-resources like a DJL predictor.
 */
public final class PromptEmbedder implements AutoCloseable {
    /** The dimension of every embedding. */
    public static final int DIMENSION = 384;
    /** sentence-transformers' max_seq_length for this model (its tokenizer.json says 128: not the metric). */
    public static final int MAX_TOKENS = 256;
    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    /** Measured with bench prompts: 16 beat 8, 32 and 64 by a few percent (the activations stay in cache). */
    private static final int BATCH = 16;
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();

    /** The loaded model, shared by every handle; its session and tokenizer are safe to use from any thread. */
    private record Model(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
    }

    private static Model shared;

    private final Model model;
    private volatile boolean closed;

    private PromptEmbedder(Model model) {
        this.model = model;
    }

    /** A handle to the process's model, loaded from the class path on first use. */
    public static PromptEmbedder open() {
        return new PromptEmbedder(model());
    }

    private static synchronized Model model() {
        if (shared == null) {
            shared = load();
        }
        return shared;
    }

    private static Model load() {
        HuggingFaceTokenizer tokenizer = null;
        try (InputStream t = resource(TOKENIZER); InputStream m = resource(MODEL);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            tokenizer = HuggingFaceTokenizer.newInstance(t, Map.of("maxLength", String.valueOf(MAX_TOKENS),
                    "truncation", "true", "padding", "false"));
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            return new Model(environment, environment.createSession(m.readAllBytes(), options), tokenizer);
        } catch (IOException | OrtException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw new IllegalStateException("cannot open the all-MiniLM-L6-v2 model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = PromptEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (the langchain4j all-MiniLM-L6-v2 artifact)");
        }
        return in;
    }

    /** The number of tokens a prompt becomes, [CLS] and [SEP] included, after truncation. */
    public int tokenCount(String prompt) {
        return model.tokenizer().encode(prompt).getIds().length;
    }

    public float[] embed(String prompt) {
        return embed(List.of(prompt), ProgressMonitor.NONE)[0];
    }

    /** One unit-length vector per prompt, in the order given; a repeated prompt is embedded once. */
    public float[][] embed(List<String> prompts, ProgressMonitor monitor) {
        if (closed) {
            throw new IllegalStateException("this PromptEmbedder is closed");
        }
        Map<String, Integer> distinct = new HashMap<>();
        int[] slot = new int[prompts.size()];
        List<Encoding> encodings = new ArrayList<>();
        for (int i = 0; i < slot.length; i++) {
            Integer known = distinct.putIfAbsent(prompts.get(i), encodings.size());
            if (known == null) {
                slot[i] = encodings.size();
                encodings.add(model.tokenizer().encode(prompts.get(i)));
            } else {
                slot[i] = known;
            }
        }
        float[][] vectors = embedDistinct(encodings, monitor);
        // a repeated prompt gets its own copy: callers may change the arrays they are given
        boolean[] given = new boolean[vectors.length];
        float[][] out = new float[slot.length][];
        for (int i = 0; i < slot.length; i++) {
            out[i] = given[slot[i]] ? vectors[slot[i]].clone() : vectors[slot[i]];
            given[slot[i]] = true;
        }
        return out;
    }

    private float[][] embedDistinct(List<Encoding> encodings, ProgressMonitor monitor) {
        // batches of similar length waste little on padding; the output order is restored below
        Integer[] order = new Integer[encodings.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        List<Integer[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += BATCH) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + BATCH)));
        }
        float[][] out = new float[order.length][];
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(WORKERS, batches.size())), r -> {
            Thread t = new Thread(r, "prompt-embedder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<float[][]>> results = new ArrayList<>(batches.size());
            for (Integer[] batch : batches) {
                Encoding[] b = new Encoding[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    b[i] = encodings.get(batch[i]);
                }
                results.add(workers.submit(() -> run(b)));
            }
            // progress and cancellation stay on the caller's thread, as its monitor expects
            int done = 0;
            for (int k = 0; k < batches.size(); k++) {
                monitor.checkCancelled();
                float[][] vectors = results.get(k).get();
                Integer[] batch = batches.get(k);
                for (int i = 0; i < batch.length; i++) {
                    out[batch[i]] = vectors[i];
                }
                done += batch.length;
                monitor.update(done, order.length, "embedded " + done + " of " + order.length + " prompts");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private float[][] run(Encoding[] batch) {
        int width = 0;
        for (Encoding e : batch) {
            width = Math.max(width, e.getIds().length);
        }
        long[] ids = new long[batch.length * width];
        long[] mask = new long[batch.length * width];
        long[] types = new long[batch.length * width];
        for (int b = 0; b < batch.length; b++) {
            long[] t = batch[b].getIds();
            System.arraycopy(t, 0, ids, b * width, t.length);
            System.arraycopy(batch[b].getAttentionMask(), 0, mask, b * width, t.length);
            System.arraycopy(batch[b].getTypeIds(), 0, types, b * width, t.length);
        }
        long[] shape = {batch.length, width};
        OrtEnvironment environment = model.environment();
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
                OrtSession.Result result = model.session().run(Map.of("input_ids", idsTensor, "attention_mask",
                        maskTensor, "token_type_ids", typesTensor))) {
            // the hidden states read in place, [batch][token][384], without a Java array per token
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[][] vectors = new float[batch.length][];
            for (int b = 0; b < batch.length; b++) {
                vectors[b] = meanPooledUnit(hidden, b * width, width, mask);
            }
            return vectors;
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 failed: " + e.getMessage(), e);
        }
    }

    /**
     * The mean of the token vectors the mask keeps, scaled to unit length (sentence-transformers' Normalize).
     *
     * @param first the first token of the sequence, as an index into the batch's tokens
     */
    private static float[] meanPooledUnit(FloatBuffer hidden, int first, int width, long[] mask) {
        double[] sum = new double[DIMENSION];
        int kept = 0;
        for (int t = first; t < first + width; t++) {
            if (mask[t] == 0) {
                continue;
            }
            kept++;
            for (int d = 0, at = t * DIMENSION; d < DIMENSION; d++) {
                sum[d] += hidden.get(at + d);
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            sum[d] /= Math.max(kept, 1);
            norm += sum[d] * sum[d];
        }
        // torch's normalize divides by max(norm, 1e-12)
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) (sum[d] / norm);
        }
        return v;
    }

    /** Ends this handle; the model stays loaded for the next one. */
    @Override
    public void close() {
        closed = true;
    }
}
