package org.mifid.workbench.assets;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the workbench finds its assets and keeps its data. Each location can be moved with a system property
 * (tests point them at temporary folders) or an environment variable.
 *
 * <ul>
 *   <li>assets: the npm-fetched network weights and demo images; beside the jar or class folder
 *       ({@code target/assets} in a build, {@code app/assets} in a packaged app);</li>
 *   <li>data: workspaces, the demo competition and preferences ({@code ~/.local/share/mifid-workbench});</li>
 *   <li>cache: feature matrices and statistics keyed by extractor and dataset checksum
 *       ({@code ~/.cache/mifid-workbench}).</li>
 * </ul>
 */
public final class AppPaths {
    private AppPaths() {
    }

    public static Path assetsDir() {
        String configured = configured("mifid.assets", "MIFID_ASSETS");
        if (configured != null) {
            return Paths.get(configured);
        }
        return codeHome().resolve("assets");
    }

    public static Path dataDir() {
        String configured = configured("mifid.data", "MIFID_DATA");
        if (configured != null) {
            return Paths.get(configured);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".local", "share");
        return base.resolve("mifid-workbench");
    }

    public static Path cacheDir() {
        String configured = configured("mifid.cache", "MIFID_CACHE");
        if (configured != null) {
            return Paths.get(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("mifid-workbench");
    }

    private static String configured(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The folder holding the jar, or the parent of the class folder when run from a build tree. */
    private static Path codeHome() {
        try {
            Path code = Paths.get(AppPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent();
        } catch (URISyntaxException | SecurityException e) {
            return Paths.get(".").toAbsolutePath();
        }
    }
}
