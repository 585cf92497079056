package org.mifid.workbench.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.mifid.workbench.assets.AppPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's own preferences (last workspace, theme, reviewer name, window geometry) in a small properties
 * file in the data folder, so that tests pointing {@code mifid.data} at a temporary folder never touch a real
 * user's settings (java.util.prefs would).
 */
public final class UiSettings {
    private static final Logger LOG = LoggerFactory.getLogger(UiSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    public UiSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                LOG.warn("{}: unreadable settings, using defaults ({})", file, e.getMessage());
            }
        }
    }

    public static UiSettings load() {
        return new UiSettings(AppPaths.dataDir().resolve("workbench-ui.properties"));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    /** The reviewer recorded with verdicts: the preference, else the operating-system user. */
    public String reviewer() {
        return get("reviewer").filter(s -> !s.isBlank()).orElse(System.getProperty("user.name", "organizer"));
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                values.store(out, "MiFID Workbench UI settings");
            }
        } catch (IOException e) {
            LOG.warn("{}: could not save settings ({})", file, e.getMessage());
        }
    }
}
