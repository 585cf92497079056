package org.mifid.workbench;

import org.mifid.workbench.cli.MifidCommand;

/**
 * Entry point of the jar. With no arguments it opens the workbench window; with a command it runs the CLI.
 *
 * <p>It deliberately does not extend {@code javafx.application.Application}: with JavaFX on the class path
 * (java -jar) a main class that does fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.mifid.workbench.ui.WorkbenchApp.launchApp(args);
            return;
        }
        System.exit(MifidCommand.run(args));
    }
}
