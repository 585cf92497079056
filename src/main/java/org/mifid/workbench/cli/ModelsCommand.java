package org.mifid.workbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.ModelSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code models}: the extractors of models/manifest.json and whether their weights are installed. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Lists the feature extractors and what is installed.")
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ExtractorRegistry registry = ExtractorRegistry.standard();
        out.printf(Locale.ROOT, "%-22s %5s %5s %-9s %-12s %s%n", "id", "dim", "input", "kaggle", "installed", "file");
        for (ModelSpec m : registry.specs()) {
            out.printf(Locale.ROOT, "%-22s %5d %5d %-9s %-12s %s%n", m.id(), m.dimension(), m.inputSize(),
                    m.comparableWithKaggle() ? m.leaderboard() : "no", registry.isAvailable(m) ? "yes" : "missing",
                    registry.file(m));
        }
        out.println("Missing TorchScript models: export them with models/export_torchscript.py (see models/README.md).");
        return 0;
    }
}
