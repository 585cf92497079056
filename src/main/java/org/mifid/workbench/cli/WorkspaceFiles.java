package org.mifid.workbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.store.Workspace;

/** Opening the workspace a command names; commands that only read refuse to create one by mistake. */
final class WorkspaceFiles {
    private WorkspaceFiles() {
    }

    static Workspace openExisting(Path db) {
        if (!Files.isRegularFile(db)) {
            throw new InvalidInputException(db.toString(), "no such workspace");
        }
        return Workspace.open(db);
    }

    /** Removes a workspace the command itself just created, with its WAL files, after it failed halfway. */
    static void deleteQuietly(Path db) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(db + suffix));
            } catch (java.io.IOException e) {
                // the failure already being reported matters more than a leftover file
            }
        }
    }
}
