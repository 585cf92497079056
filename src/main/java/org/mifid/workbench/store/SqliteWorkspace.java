package org.mifid.workbench.store;

import java.nio.file.Path;

/** The SQLite implementation of {@link Workspace} (being written under the workspace issue). */
final class SqliteWorkspace {
    private SqliteWorkspace() {
    }

    static Workspace open(Path file) {
        throw new UnsupportedOperationException("SqliteWorkspace is not implemented yet: " + file);
    }
}
