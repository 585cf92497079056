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
}
