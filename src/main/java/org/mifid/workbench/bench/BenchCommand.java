package org.mifid.workbench.bench;

import picocli.CommandLine.Command;

/** Benchmarks behind the README's performance figures; each subcommand times one speed target. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks for the performance figures.",
        subcommands = {BenchImportCommand.class, EngineBenchCommand.class, FeaturesBenchCommand.class,
            PromptsBenchCommand.class})
public final class BenchCommand {
}
