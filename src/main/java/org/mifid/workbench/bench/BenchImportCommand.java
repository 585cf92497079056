package org.mifid.workbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.importing.ColumnMapping;
import org.mifid.workbench.importing.ImportReport;
import org.mifid.workbench.importing.ResultsImport;
import org.mifid.workbench.importing.SyntheticResults;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Times importing synthetic results in the released 2019 format into a fresh workspace"
                + " (target: 37,000 rows in under 2 s).")
public final class BenchImportCommand implements Callable<Integer> {
    private static final double TARGET_SECONDS = 2.0;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "37000", description = "Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs, each into a new workspace;"
            + " the first is also the JVM's warm-up. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (TempDirectory tmp = TempDirectory.create("mifid-bench-import")) {
            Path dir = tmp.path();
            Path csv = dir.resolve("results.csv");
            long t0 = System.nanoTime();
            SyntheticResults.write(csv, rows, 2019);
            out.printf(Locale.ROOT, "generated %d rows (%d kB) in %d ms%n", rows, Files.size(csv) / 1024,
                    (System.nanoTime() - t0) / 1_000_000);
            double[] seconds = new double[runs];
            for (int run = 0; run < runs; run++) {
                Path db = dir.resolve("run" + run + ".db");
                long start = System.nanoTime();
                ImportReport report;
                try (Workspace ws = Workspace.open(db)) {
                    report = new ResultsImport(ws).importFile(csv, ColumnMapping.kaggle2019(), false,
                            ProgressMonitor.NONE);
                }
                seconds[run] = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "run %d: %d rows imported (%d disqualified) in %.3f s including workspace"
                        + " creation, %.0f rows/s, %.2f of the %.0f s target%n", run + 1, report.imported(),
                        report.disqualified(), seconds[run], rows / seconds[run], seconds[run] / TARGET_SECONDS,
                        TARGET_SECONDS);
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            out.printf(Locale.ROOT, "median %.3f s for %d rows = %.2f of the target; first (cold JVM) run %.3f s%n",
                    median, rows, median / TARGET_SECONDS, seconds[0]);
            out.flush();
        }
        return 0;
    }
}
