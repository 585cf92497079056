package org.mifid.workbench.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.engine.MifidScore;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.io.BatchFolder;
import org.mifid.workbench.scoring.ImageSetRegistration;
import org.mifid.workbench.store.NewScoredSubmission;
import org.mifid.workbench.store.NewSubmission;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.ScoredLeaderboard;
import org.mifid.workbench.store.Workspace;

/**
 * Brings a batch job's output folder into a workspace as the desktop's scoring would have stored it: each scored
 * row becomes a submission with its archive's location, image names, every figure and its nearest training images,
 * pointing into the job's training set (registered as a reference set), so the inspector shows its images beside
 * their neighbours wherever the archives and training images are reachable. Rows the job could not score are
 * listed with the job's reason, never stored.
 *
 * <p>A row's identity is its archive's SHA-256, as for a submission scored on the desktop; a second row naming an
 * archive with the same content (the job scores it once) keeps the row identity of a plain results import. Either
 * found in the workspace means "already present", so importing the folder again stores nothing twice. Neighbours
 * make a folder large (37,000 submissions x 10,000 images x k): submissions are stored in transactions of at most
 * {@link #IMAGES_PER_TRANSACTION} images, so memory stays bounded; a failure keeps the transactions already stored
 * and the next import of the folder goes on from there.
 */
public final class BatchResultsImport {
    static final int IMAGES_PER_TRANSACTION = 200_000;
    private static final String FORMAT = "batch";

    private final Workspace workspace;

    public BatchResultsImport(Workspace workspace) {
        this.workspace = workspace;
    }

    /** One manifest row of the results file, checked; {@code result} null for a failed row. */
    private record Row(String id, String team, String archive, BatchFolder.ArchiveResult result) {
    }

    /** Imports the folder whose {@code results.csv} is {@code file}; the ids of the stored submissions come back. */
    public Imported importFolder(Path file, ProgressMonitor monitor) {
        long start = System.nanoTime();
        BatchFolder folder = BatchFolder.besideResults(file).orElseThrow(() -> new InvalidInputException(
                file.toString(), "not a batch job's results (no " + BatchFolder.JOB_JSON + " beside it)"));
        BatchFolder.JobSettings job = folder.settings().orElseThrow();
        LeaderboardPreset board = LeaderboardPreset.parse(job.leaderboard());
        requireBoardNetwork(board, job.model());
        List<ImportReport.RowProblem> failed = new ArrayList<>();
        List<Row> rows = readRows(file, folder, failed);

        Set<String> known = new HashSet<>();
        for (Submission s : workspace.submissions()) {
            known.add(s.checksum());
        }
        Set<String> archivesSeen = new HashSet<>();
        List<Row> fresh = new ArrayList<>();
        List<String> checksums = new ArrayList<>();
        int alreadyPresent = 0;
        for (Row r : rows) {
            String rowIdentity = ResultsImport.rowChecksum(r.id());
            String checksum = archivesSeen.add(r.result().checksum()) ? r.result().checksum() : rowIdentity;
            if (known.contains(checksum) || known.contains(rowIdentity)) {
                alreadyPresent++;
            } else {
                fresh.add(r);
                checksums.add(checksum);
            }
        }
        List<Long> ids = new ArrayList<>(fresh.size());
        long referenceSetId = 0;
        if (!fresh.isEmpty()) {
            registerHeldOut(job, board, monitor);
            referenceSetId = referenceSet(folder, job, board);
            List<NewScoredSubmission> chunk = new ArrayList<>();
            int images = 0;
            for (int i = 0; i < fresh.size(); i++) {
                monitor.checkCancelled();
                monitor.update(i, fresh.size(), "reading neighbours of " + fresh.size() + " submissions");
                chunk.add(submission(fresh.get(i), checksums.get(i), folder, job, board, referenceSetId));
                images += fresh.get(i).result().imageNames().size();
                if (images >= IMAGES_PER_TRANSACTION || i == fresh.size() - 1) {
                    ids.addAll(workspace.addSubmissions(chunk));
                    chunk.clear();
                    images = 0;
                }
            }
        }
        monitor.update(fresh.size(), fresh.size(), "stored " + fresh.size() + " submissions");
        ImportReport report = new ImportReport(file, FORMAT, rows.size() + failed.size(), ids.size(), alreadyPresent,
                0, List.copyOf(failed), List.of(), (System.nanoTime() - start) / 1_000_000);
        return new Imported(report, List.copyOf(ids), referenceSetId);
    }

    /**
     * What an import did, the submissions it stored and the reference set their neighbours point into (0 when it
     * stored none), so the caller can check that their images are reachable.
     */
    public record Imported(ImportReport report, List<Long> submissionIds, long referenceSetId) {
    }

    /** A board keeps one network, as on the desktop: the job's must be the board's once it holds scores. */
    private void requireBoardNetwork(LeaderboardPreset board, String model) {
        String boardNetwork = workspace.leaderboardExtractor(board);
        if (boardNetwork.equals(model)) {
            return;
        }
        if (!workspace.leaderboardRows(board).isEmpty()) {
            throw new InvalidInputException(workspace.file().toString(), "the " + board.id() + " leaderboard is"
                    + " scored with " + boardNetwork + " and the batch job used " + model + "; importing would mix"
                    + " two networks' figures on one board (import into another workspace)");
        }
        workspace.assignExtractor(board, model);
    }

    /**
     * The job's held-out set becomes the board's, when the board has none and its images are still where the job
     * read them, unchanged: a later desktop scoring then computes C_T against the same real images. The imported
     * measures came from the job either way.
     */
    private void registerHeldOut(BatchFolder.JobSettings job, LeaderboardPreset board, ProgressMonitor monitor) {
        if (job.heldOutLocation() == null || workspace.leaderboardHeldOutSet(board).isPresent()
                || !Files.exists(Path.of(job.heldOutLocation()))) {
            return;
        }
        Path location = Path.of(job.heldOutLocation());
        try {
            new ImageSetRegistration(workspace).heldOut(location.getFileName() + " (held out)", location,
                    List.of(board), job.heldOutChecksum(), monitor);
        } catch (InvalidInputException changedOrUnreadable) {
            // The job's figures do not depend on it: the results still import, and the organizer assigns a
            // held-out set by hand before desktop scoring needs one.
        }
    }

    /** The job's training set as a reference set (registered on first import); the board's when it has none. */
    private long referenceSet(BatchFolder folder, BatchFolder.JobSettings job, LeaderboardPreset board) {
        long id = workspace.referenceSetByChecksum(job.trainChecksum()).map(ReferenceSet::id).orElseGet(() -> {
            List<String> names = folder.referenceNames();
            if (names.size() != job.trainCount()) {
                throw new InvalidInputException(folder.dir().resolve("reference.json").toString(), names.size()
                        + " training image names where " + BatchFolder.JOB_JSON + " counts " + job.trainCount());
            }
            Path location = Path.of(job.trainLocation());
            String name = location.getFileName() == null ? job.trainLocation() : location.getFileName().toString();
            return workspace.addReferenceSet(new ReferenceSet(0, name, job.trainLocation(), job.trainChecksum(),
                    job.trainCount()), names);
        });
        if (workspace.leaderboardReferenceSet(board).isEmpty()) {
            workspace.assignReferenceSet(board, id);
        }
        return id;
    }

    private static NewScoredSubmission submission(Row r, String checksum, BatchFolder folder,
            BatchFolder.JobSettings job, LeaderboardPreset board, long referenceSetId) {
        BatchFolder.ArchiveResult a = r.result();
        Neighbours neighbours = folder.neighbours(BatchFolder.key(r.archive()));
        if (neighbours.size() != a.imageNames().size()) {
            throw new InvalidInputException(folder.dir() + " (archive " + r.archive() + ")", neighbours.size()
                    + " neighbour rows for " + a.imageNames().size() + " images");
        }
        MifidScore score = new MifidScore(a.fid(), a.distance(), job.epsilon(), a.distanceThresholded(), a.mifid(),
                a.imageNames().size(), a.nTrain(), a.dim(), a.rankDeficient());
        Path archive = Path.of(r.archive());
        NewSubmission submission = new NewSubmission(r.id(), r.team(), archive.getFileName().toString(),
                r.archive(), checksum, null, a.imageNames().size(), null, a.imageNames());
        return new NewScoredSubmission(submission, List.of(new ScoredLeaderboard(board, score, job.model(), a.millis(),
                neighbours, referenceSetId, a.measures())));
    }

    /** The scored rows of the results file with their outcomes; rows the job failed go to {@code failed}. */
    private static List<Row> readRows(Path file, BatchFolder folder, List<ImportReport.RowProblem> failed) {
        String source = file.toString();
        List<Row> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(in)) {
            for (String column : List.of("submission_id", "team", "archive", "error")) {
                if (!parser.getHeaderNames().contains(column)) {
                    throw new InvalidInputException(source + ":1", "a batch job's results name the column " + column);
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new InvalidInputException(source + ":" + line, "expected "
                            + parser.getHeaderNames().size() + " columns, found " + record.size());
                }
                String id = record.get("submission_id");
                if (id.isBlank() || !ids.add(id)) {
                    throw new InvalidInputException(source + ":" + line, id.isBlank() ? "empty submission_id"
                            : "submission " + PrintableText.of(id) + " listed twice");
                }
                if (!record.get("error").isEmpty()) {
                    failed.add(new ImportReport.RowProblem(line, "not scored by the batch job: "
                            + PrintableText.of(record.get("error"))));
                    continue;
                }
                String archive = record.get("archive");
                BatchFolder.ArchiveResult result = folder.result(BatchFolder.key(archive))
                        .filter(BatchFolder.ArchiveResult::scored).orElseThrow(() -> new InvalidInputException(
                                source + ":" + line, "no scored result for " + PrintableText.of(archive) + " in "
                                + folder.dir().resolve("scored") + " (was the folder copied in part?)"));
                rows.add(new Row(id, record.get("team"), archive, result));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException(source, "unreadable CSV: " + e.getMessage(), e);
        }
        return rows;
    }
}
