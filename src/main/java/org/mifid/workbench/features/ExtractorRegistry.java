package org.mifid.workbench.features;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.engine.InvalidInputException;
import org.mifid.workbench.imaging.ResizeMode;

/**
 * The extractors the workbench knows, from the manifest bundled with it (models/manifest.json), and where their
 * files are: the npm-fetched TF.js models under the assets folder, an organizer's TorchScript exports under the
 * models folder ({@code <data>/models}, or the system property {@code mifid.models}).
 */
public final class ExtractorRegistry {
    private final List<ExtractorSpec> specs;
    private final Path assets;
    private final Path models;

    public ExtractorRegistry(List<ExtractorSpec> specs, Path assets, Path models) {
        this.specs = List.copyOf(specs);
        this.assets = assets;
        this.models = models;
    }

    /** The bundled manifest with the default folders. */
    public static ExtractorRegistry standard() {
        String configured = System.getProperty("mifid.models");
        Path models = configured != null && !configured.isBlank() ? Path.of(configured)
                : AppPaths.dataDir().resolve("models");
        return new ExtractorRegistry(bundledManifest(), AppPaths.assetsDir(), models);
    }

    public List<ExtractorSpec> specs() {
        return specs;
    }

    public Optional<ExtractorSpec> find(String id) {
        return specs.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public ExtractorSpec require(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("--model " + id, "unknown extractor; known: "
                + specs.stream().map(ExtractorSpec::id).toList()));
    }

    /** Where the extractor's weights are expected. */
    public Path location(ExtractorSpec spec) {
        return "torchscript".equals(spec.format()) ? models.resolve(spec.file()) : assets.resolve(spec.file());
    }

    /** Whether the extractor's weights are present. */
    public boolean available(ExtractorSpec spec) {
        Path p = location(spec);
        return "torchscript".equals(spec.format()) ? Files.isRegularFile(p) : Files.isRegularFile(p.resolve("model.json"));
    }

    /** Loads an extractor onto a device; a missing file is an error that says how to get it. */
    public FeatureExtractor open(String id, Device device) {
        ExtractorSpec spec = require(id);
        Path location = location(spec);
        if (!available(spec)) {
            String how = "torchscript".equals(spec.format())
                    ? "export it with models/export_torchscript.py (see models/README.md) and put it there"
                    : "build the project (mvn package) to fetch the nsfwjs networks through npm";
            throw new InvalidInputException(location.toString(), "the weights of " + id + " are missing: " + how);
        }
        return switch (spec.format()) {
            case "tfjs-layers" -> new TfjsExtractor(spec, location, device);
            case "torchscript" -> {
                verifyChecksum(spec, location);
                yield new TorchScriptExtractor(spec, location, device);
            }
            default -> throw new IllegalStateException(id + ": unknown model format " + spec.format());
        };
    }

    private static void verifyChecksum(ExtractorSpec spec, Path file) {
        if (spec.sha256() == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                d.update(buf, 0, n);
            }
            String actual = HexFormat.of().formatHex(d.digest());
            if (!actual.equalsIgnoreCase(spec.sha256())) {
                throw new InvalidInputException(file.toString(), "SHA-256 " + actual + " differs from the manifest's "
                        + spec.sha256() + ": not the network the manifest describes");
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    static List<ExtractorSpec> bundledManifest() {
        try (InputStream in = ExtractorRegistry.class.getResourceAsStream("/models/manifest.json")) {
            if (in == null) {
                throw new IllegalStateException("models/manifest.json is missing from the class path");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled models/manifest.json", e);
        }
    }

    static List<ExtractorSpec> parse(JsonNode manifest) {
        List<ExtractorSpec> out = new ArrayList<>();
        for (JsonNode e : manifest.get("extractors")) {
            out.add(new ExtractorSpec(
                    e.get("id").asText(),
                    e.get("description").asText(),
                    e.get("format").asText(),
                    e.get("file").asText(),
                    e.path("sha256").isTextual() ? e.get("sha256").asText() : null,
                    e.get("inputSize").asInt(),
                    e.get("normalisation").asText(),
                    ResizeMode.valueOf(e.get("resizeMode").asText().toUpperCase(Locale.ROOT)),
                    e.get("outputLayer").asText(),
                    e.get("dimension").asInt(),
                    e.path("leaderboard").isTextual() ? e.get("leaderboard").asText() : null,
                    e.get("comparableWithKaggle").asBoolean()));
        }
        return out;
    }
}
