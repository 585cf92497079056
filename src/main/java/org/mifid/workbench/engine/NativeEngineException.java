package org.mifid.workbench.engine;

import org.mifid.workbench.core.InvalidInputException;

/**
 * The PyTorch engine's native library cannot be loaded here: the build carries none for this platform, or the
 * one it carries does not load. Bad input in the CLI's sense (exit 2, one {@code error:} line): the user ran a
 * build made for another machine and needs the one for theirs; nothing is wrong with their files.
 */
public final class NativeEngineException extends InvalidInputException {
    NativeEngineException(String problem, Throwable cause) {
        super("PyTorch native library", problem, cause);
    }
}
