package org.mifid.workbench.prompts;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * The competition's sentence embedding, all-MiniLM-L6-v2, exactly as sentence-transformers computes it: BERT
 * WordPiece tokens truncated at 256 (with [CLS] and [SEP]), the transformer's last hidden state, the mean over
 * the tokens the attention mask keeps, L2-normalised. The ONNX graph and tokenizer.json come from the
 * langchain4j artifact on the class path; ONNX Runtime runs the graph. Prompts are embedded in batches of
 * similar length, padded to the longest in the batch (the mask keeps padding out of the mean).
 *
 * <p>Owns a native session and tokenizer: use it in try-with-resources, like a DJL predictor.
 */
public final class PromptEmbedder implements AutoCloseable {
    /** The dimension of every embedding. */
    public static final int DIMENSION = 384;
    /** sentence-transformers' max_seq_length for this model (its tokenizer.json says 128: not the metric). */
    public static final int MAX_TOKENS = 256;
    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    private static final int BATCH = 32;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    private PromptEmbedder(OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = OrtEnvironment.getEnvironment();
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /** Opens the model and tokenizer from the class path, with one ONNX Runtime thread per core. */
    public static PromptEmbedder open() {
        HuggingFaceTokenizer tokenizer = null;
        try (InputStream t = resource(TOKENIZER); InputStream m = resource(MODEL)) {
            tokenizer = HuggingFaceTokenizer.newInstance(t, Map.of("maxLength", String.valueOf(MAX_TOKENS),
                    "truncation", "true", "padding", "false"));
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = OrtEnvironment.getEnvironment().createSession(m.readAllBytes(), options);
            return new PromptEmbedder(session, tokenizer);
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
        return tokenizer.encode(prompt).getIds().length;
    }

    public float[] embed(String prompt) {
        return embed(List.of(prompt), ProgressMonitor.NONE)[0];
    }

    /** One unit-length vector per prompt, in the order given. */
    public float[][] embed(List<String> prompts, ProgressMonitor monitor) {
        Encoding[] encodings = new Encoding[prompts.size()];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = tokenizer.encode(prompts.get(i));
        }
        // batches of similar length waste little on padding; the output order is restored below
        Integer[] order = new Integer[encodings.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
        float[][] out = new float[encodings.length][];
        for (int start = 0; start < order.length; start += BATCH) {
            monitor.checkCancelled();
            int end = Math.min(order.length, start + BATCH);
            Encoding[] batch = new Encoding[end - start];
            for (int i = start; i < end; i++) {
                batch[i - start] = encodings[order[i]];
            }
            float[][] vectors = run(batch);
            for (int i = start; i < end; i++) {
                out[order[i]] = vectors[i - start];
            }
            monitor.update(end, order.length, "embedded " + end + " of " + order.length + " prompts");
        }
        return out;
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
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", idsTensor, "attention_mask", maskTensor,
                        "token_type_ids", typesTensor))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            float[][] vectors = new float[batch.length][];
            for (int b = 0; b < batch.length; b++) {
                vectors[b] = meanPooledUnit(hidden[b], mask, b * width);
            }
            return vectors;
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 failed: " + e.getMessage(), e);
        }
    }

    /** The mean of the token vectors the mask keeps, scaled to unit length (sentence-transformers' Normalize). */
    private static float[] meanPooledUnit(float[][] tokens, long[] mask, int offset) {
        double[] sum = new double[DIMENSION];
        int kept = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[offset + t] == 0) {
                continue;
            }
            kept++;
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] += tokens[t][d];
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

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            tokenizer.close();
        }
    }
}
