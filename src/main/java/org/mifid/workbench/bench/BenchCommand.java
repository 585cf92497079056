package org.mifid.workbench.bench;

import picocli.CommandLine.Command;

/** Benchmarks behind the README's performance figures; each subcommand times one speed target. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks for the performance figures.",
        subcommands = {BatchBenchCommand.class, BenchImportCommand.class, EngineBenchCommand.class,
            FeaturesBenchCommand.class, GpuBenchCommand.class, PromptsBenchCommand.class})
public final class BenchCommand {
}
