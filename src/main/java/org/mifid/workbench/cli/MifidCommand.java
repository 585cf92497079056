package org.mifid.workbench.cli;

import org.mifid.workbench.bench.BenchCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.concurrent.CancellationException;
import org.mifid.workbench.core.ErrorKind;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: each subcommand is a thin shell over a service. */
@Command(
        name = "mifid-workbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "MiFID scoring, memorization inspection and verdicts for generative-image competitions.",
        subcommands = {CommandLine.HelpCommand.class, ImportResultsCommand.class, AnalyzeCommand.class,
            ExportCommand.class, VerdictCommand.class, BenchCommand.class, ScoreCommand.class, ExtractCommand.class,
            ModelsCommand.class, DemoCommand.class, CreateCompetitionCommand.class,
            ScoreSubmissionCommand.class, EmbedPromptsCommand.class, ScorePromptsCommand.class, BatchCommand.class})
public final class MifidCommand {

    /** Exit status for bad input: a missing file, a malformed matrix, a hostile archive. */
    public static final int EXIT_BAD_INPUT = ErrorKind.BAD_INPUT.exitStatus();

    /** Exit status when the user cancelled (Ctrl+C). */
    public static final int EXIT_CANCELLED = 130;

    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** The configured command line, printing to this process's standard output and error. */
    public static CommandLine commandLine() {
        Charset charset = Charset.defaultCharset();
        return commandLine(new OutputStreamWriter(System.out, charset), new OutputStreamWriter(System.err, charset));
    }

    /**
     * The configured command line printing to {@code stdout} and {@code stderr} through {@link TerminalSafeWriter}, the
     * same way whether a terminal or a test reads them.
     */
    public static CommandLine commandLine(Writer stdout, Writer stderr) {
        CommandLine cl = new CommandLine(new MifidCommand());
        cl.setOut(new PrintWriter(new TerminalSafeWriter(stdout), true));
        cl.setErr(new PrintWriter(new TerminalSafeWriter(stderr), true));
        // help in plain text: its colours are escape sequences, which the writers above would show as text
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        // a usage error is one line naming the problem, and where to read more: not thirteen lines of help
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println("error: " + PrintableText.of(ex.getMessage()) + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            ErrorKind kind = ErrorKind.of(ex);
            if (kind != null) {
                err.println("error: " + (ex instanceof InvalidInputException ? ex : rootInput(ex)).getMessage());
                err.flush();
                return kind.exitStatus();
            }
            if (ex instanceof CancellationException) {
                err.println("cancelled");
                err.flush();
                return EXIT_CANCELLED;
            }
            throw ex;
        });
        return cl;
    }

    /** The first cause that is one of the workbench's errors (background work wraps what it caught). */
    private static Throwable rootInput(Throwable ex) {
        Throwable t = ex;
        while (!(t instanceof InvalidInputException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
