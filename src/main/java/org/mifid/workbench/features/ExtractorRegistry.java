package org.mifid.workbench.features;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.MissingWeightsException;
import org.mifid.workbench.core.UnknownExtractorException;
import org.mifid.workbench.imaging.ResizeMode;

/**
 * The extractors of models/manifest.json, with their weights found under an assets folder. Opening one checks
 * that its files are there (and their checksum where the manifest pins one) before loading anything.
 */
public final class ExtractorRegistry {
    public static final String DEFAULT_ID = "nsfwjs-inception-v3";
    private static final String MANIFEST = "/models/manifest.json";

    private final Map<String, ModelSpec> specs;
    private final Path assets;

    private ExtractorRegistry(Map<String, ModelSpec> specs, Path assets) {
        this.specs = specs;
        this.assets = assets;
    }

    /** The manifest shipped with the application, weights under {@link AppPaths#assetsDir()}. */
    public static ExtractorRegistry standard() {
        try (InputStream in = ExtractorRegistry.class.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException(MANIFEST + " is not on the class path (a broken build)");
            }
            return read(in, MANIFEST, AppPaths.assetsDir());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + MANIFEST, e);
        }
    }

    /** A manifest from {@code in}, its files resolved against {@code assets}. */
    public static ExtractorRegistry read(InputStream in, String source, Path assets) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, ModelSpec> specs = new LinkedHashMap<>();
        for (JsonNode e : root.path("extractors")) {
            try {
                ModelSpec spec = new ModelSpec(e.get("id").asText(), e.get("format").asText(), e.get("file").asText(),
                        e.path("sha256").isTextual() ? e.get("sha256").asText() : null, e.get("inputSize").asInt(),
                        e.get("layout").asText(), Normalisation.valueOf(e.get("normalisation").asText()),
                        ResizeMode.valueOf(e.get("resizeMode").asText()), e.get("outputLayer").asText(),
                        e.get("dimension").asInt(), e.get("leaderboard").asText(),
                        e.get("comparableWithKaggle").asBoolean(), e.path("description").asText(""));
                specs.put(spec.id(), spec);
            } catch (NullPointerException | IllegalArgumentException ex) {
                throw new InvalidInputException(source, "malformed extractor entry " + e);
            }
        }
        return new ExtractorRegistry(specs, assets);
    }

    public List<ModelSpec> specs() {
        return new ArrayList<>(specs.values());
    }

    public ModelSpec spec(String id) {
        ModelSpec spec = specs.get(id);
        if (spec == null) {
            throw new UnknownExtractorException("--model " + id, "unknown extractor; known: "
                    + String.join(", ", specs.keySet()));
        }
        return spec;
    }

    /** Where the extractor's weights are expected. */
    public Path file(ModelSpec spec) {
        return assets.resolve(spec.file());
    }

    public boolean isAvailable(ModelSpec spec) {
        return Files.exists(file(spec));
    }

    /** Loads the extractor onto {@code device}; a missing or altered weights file is an InvalidInputException. */
    public FeatureExtractor open(String id, Device device) {
        return open(id, device, Precision.FLOAT32);
    }

    /**
     * The extractor running in {@code precision}: float32 for scoring, a half type only to be measured. A
     * TorchScript module runs as it was exported (float32), so asking it for another type is refused.
     */
    public FeatureExtractor open(String id, Device device, Precision precision) {
        ModelSpec spec = spec(id);
        Path file = file(spec);
        if (!Files.exists(file)) {
            // the folder named is the one the README and models/README.md name: the assets folder's models/
            throw new MissingWeightsException(file.toString(), spec.format().equals("torchscript")
                    ? "is missing: export it with `python models/export_torchscript.py " + spec.id() + " OUT_DIR`"
                            + " (see models/README.md) and copy " + file.getFileName() + " into " + file.getParent()
                    : "is missing: build the project (mvn package) to fetch it through npm into " + file.getParent());
        }
        if (spec.sha256() != null) {
            String actual = sha256(spec, file);
            if (!actual.equals(spec.sha256())) {
                throw new MissingWeightsException(file.toString(), "checksum " + actual + " differs from the manifest's "
                        + spec.sha256() + " (altered or another version)");
            }
        }
        return switch (spec.format()) {
            case "tfjs-layers" -> new TfjsExtractor(spec, file, device, precision);
            case "torchscript" -> {
                if (precision != Precision.FLOAT32) {
                    throw new InvalidInputException(spec.id(), "runs as exported, in float32; "
                            + precision.id() + " is measured for the TF.js networks only");
                }
                yield new TorchScriptExtractor(spec, file, device);
            }
            default -> throw new InvalidInputException(spec.id(), "unknown model format " + spec.format());
        };
    }

    /** SHA-256 of a file, or of a TF.js folder's model.json followed by its weight shards in manifest order. */
    static String sha256(ModelSpec spec, Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> parts = new ArrayList<>();
            if (Files.isDirectory(file)) {
                Path json = file.resolve("model.json");
                parts.add(json);
                for (JsonNode group : new ObjectMapper().readTree(json.toFile()).path("weightsManifest")) {
                    for (JsonNode p : group.path("paths")) {
                        parts.add(file.resolve(p.asText()));
                    }
                }
            } else {
                parts.add(file);
            }
            byte[] buffer = new byte[1 << 16];
            for (Path p : parts) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(p), sha)) {
                    while (in.read(buffer) >= 0) {
                        // digesting as it reads
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read " + spec.id() + "'s weights: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
