package org.mifid.workbench.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File > Recent workspaces: the last {@link #LIMIT} workspaces opened, most recent first, kept in the settings
 * file in the app's data folder. A file gone since is dropped when the list is read, and the caller says so.
 */
public final class RecentWorkspaces {
    public static final int LIMIT = 10;
    private static final String KEY = "recentWorkspace.";

    private final UiSettings settings;

    public RecentWorkspaces(UiSettings settings) {
        this.settings = settings;
    }

    /** The list as stored, most recent first. */
    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            settings.get(KEY + i).map(Path::of).ifPresent(files::add);
        }
        return files;
    }

    /** Puts a workspace just opened first, once, and forgets what falls past the limit. */
    public void opened(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = list();
        files.remove(absolute);
        files.add(0, absolute);
        store(files);
    }

    /** Drops the workspaces whose file is gone and returns them (the list without them is saved). */
    public List<Path> dropMissing() {
        List<Path> kept = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path file : list()) {
            (Files.isRegularFile(file) ? kept : missing).add(file);
        }
        if (!missing.isEmpty()) {
            store(kept);
        }
        return missing;
    }

    private void store(List<Path> files) {
        for (int i = 0; i < LIMIT; i++) {
            settings.put(KEY + i, i < files.size() ? files.get(i).toString() : null);
        }
        settings.save();
    }
}
