package org.mifid.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.importing.BatchResultsImport;
import org.mifid.workbench.importing.ColumnMapping;
import org.mifid.workbench.importing.ImportReport;
import org.mifid.workbench.importing.ResultsImport;
import org.mifid.workbench.io.BatchFolder;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-results", mixinStandardHelpOptions = true,
        description = "Imports scores from a competition's scoring pipeline (one row per submission) into a workspace,"
                + " all rows in one transaction.")
public final class ImportResultsCommand implements Callable<Integer> {
    private static final int LISTED = 20;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "WORKSPACE.db",
            description = "The workspace (created if missing).")
    Path db;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The results file (UTF-8 CSV with a header).")
    Path file;

    @Option(names = "--format", paramLabel = "kaggle-2019|generic|batch",
            description = "kaggle-2019: the released 2019 results columns; generic: any columns, see --map; batch: the"
                    + " results.csv of a `batch` job's folder, imported with each image's nearest training images."
                    + " Default: batch when job.json lies beside the file, else kaggle-2019.")
    String format;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD", description = "generic format: the CSV column that holds a"
            + " field (id, team, label, fid_public, distance_public, score_public, fid_private, distance_private,"
            + " score_private). Unmapped fields are read from a column of the same name.")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--skip-bad-rows", description = "Import the good rows of a file with malformed ones (listed).")
    boolean skipBadRows;

    @Override
    public Integer call() {
        if (format == null) {
            format = BatchFolder.besideResults(file).isPresent() ? "batch" : "kaggle-2019";
        }
        if (format.equals("batch")) {
            return importBatch();
        }
        ColumnMapping mapping = mapping();
        try (Workspace ws = Workspace.open(db)) {
            ImportReport r = new ResultsImport(ws).importFile(file, mapping, skipBadRows, ProgressMonitor.NONE);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "imported %d of %d rows from %s into %s in %d ms (%s format)%n", r.imported(),
                    r.rows(), PrintableText.of(file.toString()), PrintableText.of(db.toString()), r.millis(), r.format());
            r.details(LISTED).forEach(line -> out.println("  " + line));
            out.flush();
        }
        return 0;
    }

    /**
     * A batch job's folder: the figures with their neighbours, then one line on whether the inspector can show the
     * images from this machine (imported locations are the cluster's).
     */
    private int importBatch() {
        if (!map.isEmpty() || skipBadRows) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--map and --skip-bad-rows are not for"
                    + " --format batch: its columns are fixed and the rows the job could not score are listed");
        }
        try (Workspace ws = Workspace.open(db)) {
            BatchResultsImport.Imported imported = new BatchResultsImport(ws).importFolder(file,
                    new ConsoleProgress(spec.commandLine().getErr()));
            ImportReport r = imported.report();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "imported %d of %d rows from %s into %s in %d ms (batch format, with each image's"
                    + " nearest training images)%n", r.imported(), r.rows(), PrintableText.of(file.toString()),
                    PrintableText.of(db.toString()), r.millis());
            out.printf(Locale.ROOT, "  already in the workspace: %d; not scored by the batch job: %d%n",
                    r.alreadyPresent(), r.skipped().size());
            r.skipped().stream().limit(LISTED).forEach(p ->
                    out.printf(Locale.ROOT, "  %s:%d: %s%n", PrintableText.of(file.toString()), p.line(),
                            PrintableText.of(p.problem())));
            int unreachable = 0;
            String first = null;
            for (long id : imported.submissionIds()) {
                Optional<String> why = ImageLookup.unreachable(ws.submission(id).orElseThrow(),
                        ws.referenceSet(imported.referenceSetId()).orElse(null));
                if (why.isPresent()) {
                    unreachable++;
                    first = first == null ? why.get() : first;
                }
            }
            out.printf(Locale.ROOT, "  inspector: images reachable from this machine for %d of %d imported"
                    + " submissions%s%n", imported.submissionIds().size() - unreachable,
                    imported.submissionIds().size(), first == null ? "" : " (first: " + first + ")");
            out.flush();
        }
        return 0;
    }

    private ColumnMapping mapping() {
        try {
            return ColumnMapping.of(format, map);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format/--map: " + e.getMessage());
        }
    }
}
