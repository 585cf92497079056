package org.mifid.workbench.features.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras functional model (as TF.js serialises it) run layer by layer with DJL's NDArray operations on the
 * PyTorch engine, in NCHW. Covers the layers of the Keras InceptionV3 and MobileNetV2: Conv2D, DepthwiseConv2D,
 * BatchNormalization, Activation, ReLU, MaxPooling2D, AveragePooling2D, ZeroPadding2D, Concatenate, Add,
 * Flatten, Dense, Dropout. A batch normalisation that directly follows a convolution is folded into the
 * convolution's weights at load time, which is exact in inference and saves a pass over every activation.
 * Weights are folded in float32 and only then cast to the graph's type, so a half-precision run differs from the
 * float32 one by its arithmetic alone.
 */
final class KerasGraph {
    private final NDManager manager;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, Integer> consumers = new HashMap<>();
    private final String inputName;

    /** One layer: its inputs and how it computes its output from them. */
    private record Layer(String name, List<String> inputs, Op op) {
    }

    private interface Op {
        NDArray apply(List<NDArray> in);
    }

    KerasGraph(JsonNode topology, TfjsWeights weights, NDManager manager, DataType type) {
        this.manager = manager;
        JsonNode config = topology.path("model_config").path("config");
        String input = null;
        Map<String, ConvOp> convs = new HashMap<>();
        for (JsonNode l : config.get("layers")) {
            String name = l.get("name").asText();
            String cls = l.get("class_name").asText();
            JsonNode c = l.get("config");
            List<String> inputs = new ArrayList<>();
            for (JsonNode node : l.path("inbound_nodes")) {
                for (JsonNode in : node) {
                    inputs.add(in.get(0).asText());
                    consumers.merge(in.get(0).asText(), 1, Integer::sum);
                }
            }
            Op op = switch (cls) {
                case "InputLayer" -> {
                    input = name;
                    yield null;
                }
                case "Conv2D" -> {
                    ConvOp conv = ConvOp.conv(name, c, weights, manager, type);
                    convs.put(name, conv);
                    yield conv;
                }
                case "DepthwiseConv2D" -> {
                    ConvOp conv = ConvOp.depthwise(name, c, weights, manager, type);
                    convs.put(name, conv);
                    yield conv;
                }
                case "BatchNormalization" -> batchNorm(name, c, weights, convs.get(inputs.get(0)));
                case "Activation" -> activation(c.get("activation").asText());
                case "ReLU" -> {
                    double max = c.path("max_value").isNumber() ? c.get("max_value").asDouble() : Double.NaN;
                    yield Double.isNaN(max) ? in -> in.get(0).getNDArrayInternal().relu() : in -> in.get(0).clip(0, max);
                }
                case "MaxPooling2D", "AveragePooling2D" -> pooling(cls, c);
                case "ZeroPadding2D" -> {
                    JsonNode p = c.get("padding");
                    Shape pad = new Shape(p.get(1).get(0).asLong(), p.get(1).get(1).asLong(), p.get(0).get(0).asLong(),
                            p.get(0).get(1).asLong());
                    yield in -> in.get(0).pad(pad, 0);
                }
                case "Concatenate" -> {
                    int axis = c.get("axis").asInt();
                    if (axis != 3 && axis != -1) {
                        throw new IllegalStateException(name + ": concatenation on axis " + axis + " is not supported");
                    }
                    yield in -> NDArrays.concat(new NDList(in), 1);
                }
                case "Add" -> in -> {
                    NDArray sum = in.get(0).add(in.get(1));
                    for (int i = 2; i < in.size(); i++) {
                        sum.addi(in.get(i));
                    }
                    return sum;
                };
                case "Flatten" -> in -> {
                    NDArray x = in.get(0);
                    // Keras flattens channels-last: H, W, C order
                    return x.transpose(0, 2, 3, 1).reshape(x.getShape().get(0), -1);
                };
                case "Dense" -> dense(name, c, weights, manager, type);
                case "Dropout" -> in -> in.get(0);
                default -> throw new IllegalStateException(name + ": layer type " + cls + " is not supported");
            };
            layers.put(name, new Layer(name, inputs, op));
        }
        if (input == null) {
            throw new IllegalStateException("the model has no input layer");
        }
        this.inputName = input;
    }

    /**
     * Runs the graph on an NCHW batch and returns the named layers' outputs (NCHW for spatial layers), attached
     * to {@code input}'s manager. Intermediate activations are freed as soon as their last consumer has run.
     */
    NDList forward(NDArray input, List<String> outputs) {
        Map<String, NDArray> live = new HashMap<>();
        Map<String, Integer> remaining = new HashMap<>(consumers);
        for (String o : outputs) {
            if (!layers.containsKey(o)) {
                throw new IllegalArgumentException("no layer named " + o);
            }
            remaining.merge(o, 1, Integer::sum); // the caller consumes it too
        }
        try (NDManager scratch = input.getManager().newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(scratch);
            live.put(inputName, x);
            int wanted = outputs.size();
            NDList result = new NDList(outputs.size());
            Map<String, NDArray> found = new HashMap<>();
            for (Layer layer : layers.values()) {
                if (layer.op == null) {
                    continue;
                }
                List<NDArray> in = new ArrayList<>(layer.inputs.size());
                for (String i : layer.inputs) {
                    in.add(live.get(i));
                }
                NDArray out = layer.op.apply(in);
                live.put(layer.name, out);
                for (String i : layer.inputs) {
                    if (remaining.merge(i, -1, Integer::sum) == 0) {
                        NDArray dead = live.remove(i);
                        // identity layers (dropout, folded batch norms) pass the same array on: keep it then
                        if (dead != null && !live.containsValue(dead)) {
                            dead.close();
                        }
                    }
                }
                if (outputs.contains(layer.name)) {
                    found.put(layer.name, out);
                    if (found.size() == wanted) {
                        break;
                    }
                }
            }
            for (String o : outputs) {
                NDArray a = found.get(o);
                a.attach(input.getManager());
                result.add(a);
            }
            return result;
        }
    }

    NDManager manager() {
        return manager;
    }

    private static Op activation(String name) {
        return switch (name) {
            case "relu" -> in -> in.get(0).getNDArrayInternal().relu();
            case "linear" -> in -> in.get(0);
            case "softmax" -> in -> in.get(0).softmax(-1);
            default -> throw new IllegalStateException("activation " + name + " is not supported");
        };
    }

    private static Op pooling(String cls, JsonNode c) {
        Shape kernel = pair(c.get("pool_size"));
        Shape stride = pair(c.get("strides"));
        boolean same = "same".equals(c.get("padding").asText());
        if (same && (stride.get(0) != 1 || stride.get(1) != 1)) {
            throw new IllegalStateException("'same' pooling with stride > 1 is not supported");
        }
        Shape pad = same ? new Shape((kernel.get(0) - 1) / 2, (kernel.get(1) - 1) / 2) : new Shape(0, 0);
        if ("MaxPooling2D".equals(cls)) {
            return in -> Pool.maxPool2d(in.get(0), kernel, stride, pad, false);
        }
        if (!same) {
            return in -> Pool.avgPool2d(in.get(0), kernel, stride, pad, false, true);
        }
        // Keras averages over the valid cells only. DJL's PyTorch avgPool2d ignores countIncludePad=false, so
        // the zero-padded average is divided by the share of valid cells (the same pooling of a ones image).
        return in -> {
            NDArray x = in.get(0);
            Shape s = x.getShape();
            NDArray padded = Pool.avgPool2d(x, kernel, stride, pad, false, true);
            try (NDArray ones = x.getManager().ones(new Shape(1, 1, s.get(2), s.get(3)), x.getDataType())) {
                NDArray valid = Pool.avgPool2d(ones, kernel, stride, pad, false, true);
                return padded.divi(valid);
            }
        };
    }

    private static Op batchNorm(String name, JsonNode c, TfjsWeights w, ConvOp preceding) {
        float eps = (float) c.get("epsilon").asDouble();
        float[] mean = w.get(name + "/moving_mean").values();
        float[] var = w.get(name + "/moving_variance").values();
        int n = mean.length;
        float[] gamma = c.path("scale").asBoolean(true) ? w.get(name + "/gamma").values() : null;
        float[] beta = c.path("center").asBoolean(true) ? w.get(name + "/beta").values() : null;
        float[] scale = new float[n];
        float[] shift = new float[n];
        for (int i = 0; i < n; i++) {
            scale[i] = (float) ((gamma == null ? 1.0 : gamma[i]) / Math.sqrt(var[i] + eps));
            shift[i] = (beta == null ? 0f : beta[i]) - mean[i] * scale[i];
        }
        if (preceding != null) {
            preceding.fold(scale, shift);
            return in -> in.get(0);
        }
        throw new IllegalStateException(name + ": a batch normalisation must follow a convolution here");
    }

    private static Op dense(String name, JsonNode c, TfjsWeights w, NDManager manager, DataType type) {
        TfjsWeights.Tensor k = w.get(name + "/kernel");
        NDArray kernel = manager.create(k.values(), new Shape(k.shape())).toType(type, false);
        NDArray bias = c.path("use_bias").asBoolean(true)
                ? manager.create(w.get(name + "/bias").values()).toType(type, false) : null;
        Op act = activation(c.get("activation").asText());
        return in -> {
            NDArray y = in.get(0).matMul(kernel);
            if (bias != null) {
                y = y.add(bias);
            }
            return act.apply(List.of(y));
        };
    }

    static Shape pair(JsonNode n) {
        return new Shape(n.get(0).asLong(), n.get(1).asLong());
    }

    /** A convolution with optional folded batch normalisation and activation. */
    private static final class ConvOp implements Op {
        private final NDManager manager;
        private float[] weight;
        private final Shape weightShape;
        private float[] bias;
        private final Shape stride;
        private final Shape padding;
        private final int groups;
        private final Op activation;
        private final DataType type;
        private NDArray weightArray;
        private NDArray biasArray;

        private ConvOp(NDManager manager, float[] weight, Shape weightShape, float[] bias, Shape stride, Shape padding,
                       int groups, Op activation, DataType type) {
            this.manager = manager;
            this.type = type;
            this.weight = weight;
            this.weightShape = weightShape;
            this.bias = bias;
            this.stride = stride;
            this.padding = padding;
            this.groups = groups;
            this.activation = activation;
        }

        static ConvOp conv(String name, JsonNode c, TfjsWeights w, NDManager manager, DataType type) {
            TfjsWeights.Tensor k = w.get(name + "/kernel");
            long kh = k.shape()[0];
            long kw = k.shape()[1];
            long in = k.shape()[2];
            long out = k.shape()[3];
            float[] oihw = hwioToOihw(k.values(), (int) kh, (int) kw, (int) in, (int) out);
            float[] bias = c.path("use_bias").asBoolean(false) ? w.get(name + "/bias").values() : new float[(int) out];
            return new ConvOp(manager, oihw, new Shape(out, in, kh, kw), bias, pair(c.get("strides")),
                    padding(name, c, kh, kw), 1, activation(c.path("activation").asText("linear")), type);
        }

        static ConvOp depthwise(String name, JsonNode c, TfjsWeights w, NDManager manager, DataType type) {
            TfjsWeights.Tensor k = w.get(name + "/depthwise_kernel");
            int kh = (int) k.shape()[0];
            int kw = (int) k.shape()[1];
            int in = (int) k.shape()[2];
            int mult = (int) k.shape()[3];
            // [kh, kw, in, mult] -> [in * mult, 1, kh, kw]
            float[] v = k.values();
            float[] out = new float[v.length];
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    for (int i = 0; i < in; i++) {
                        for (int m = 0; m < mult; m++) {
                            out[((i * mult + m) * kh + y) * kw + x] = v[((y * kw + x) * in + i) * mult + m];
                        }
                    }
                }
            }
            float[] bias = c.path("use_bias").asBoolean(false) ? w.get(name + "/bias").values()
                    : new float[in * mult];
            return new ConvOp(manager, out, new Shape((long) in * mult, 1, kh, kw), bias, pair(c.get("strides")),
                    padding(name, c, kh, kw), in, activation(c.path("activation").asText("linear")), type);
        }

        /** Multiplies output channel i by scale[i] and adds shift[i]: a following batch normalisation. */
        void fold(float[] scale, float[] shift) {
            int outChannels = (int) weightShape.get(0);
            int per = weight.length / outChannels;
            for (int o = 0; o < outChannels; o++) {
                for (int j = 0; j < per; j++) {
                    weight[o * per + j] *= scale[o];
                }
                bias[o] = bias[o] * scale[o] + shift[o];
            }
        }

        @Override
        public NDArray apply(List<NDArray> in) {
            if (weightArray == null) {
                weightArray = manager.create(weight, weightShape).toType(type, false);
                biasArray = manager.create(bias).toType(type, false);
                weight = null;
                bias = null;
            }
            NDArray y = Conv2d.conv2d(in.get(0), weightArray, biasArray, stride, padding, new Shape(1, 1), groups)
                    .singletonOrThrow();
            return activation.apply(List.of(y));
        }

        private static Shape padding(String name, JsonNode c, long kh, long kw) {
            String p = c.get("padding").asText();
            if ("valid".equals(p)) {
                return new Shape(0, 0);
            }
            Shape stride = pair(c.get("strides"));
            if (stride.get(0) != 1 || stride.get(1) != 1 || kh % 2 == 0 || kw % 2 == 0) {
                throw new IllegalStateException(name + ": 'same' padding needs stride 1 and odd kernels here");
            }
            return new Shape((kh - 1) / 2, (kw - 1) / 2);
        }

        private static float[] hwioToOihw(float[] v, int kh, int kw, int in, int out) {
            float[] r = new float[v.length];
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    for (int i = 0; i < in; i++) {
                        for (int o = 0; o < out; o++) {
                            r[((o * in + i) * kh + y) * kw + x] = v[((y * kw + x) * in + i) * out + o];
                        }
                    }
                }
            }
            return r;
        }
    }
}
