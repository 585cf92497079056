package org.mifid.workbench.cli;

import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line in-process, with what it printed on each stream and its exit status. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MifidCommand.commandLine(out, err);
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
