package org.mifid.workbench.scoring;

import org.mifid.workbench.engine.MifidScore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.features.PixelTraining;
import org.mifid.workbench.engine.MifidScorer;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.FeatureCache;
import org.mifid.workbench.features.FeatureExtractor;
import org.mifid.workbench.imaging.ImageSet;
import org.mifid.workbench.imaging.InMemoryImageSet;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.ValidationProfile;
import org.mifid.workbench.store.DuplicateSubmissionException;
import org.mifid.workbench.store.NewSubmission;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.ScoredLeaderboard;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.store.Workspace;

/**
 * Scores a submission archive into a workspace: validate the archive, extract features, FID against the
 * leaderboard's reference set (its features and statistics cached per extractor), the memorization search, then
 * the copying measures (scoring.CopyEvidence), then store the submission, its score, its neighbours and
 * its measures in one transaction. Cancelling (through the monitor) or a
 * failure anywhere stores nothing. One instance keeps its networks and training features loaded between
 * submissions; close it when the scoring session ends.
 */
public final class SubmissionScoring implements AutoCloseable {
    private final Workspace workspace;
    private final ExtractorRegistry registry;
    private final FeatureCache cache;
    /** Networks loaded once per scoring session: loading one takes seconds, scoring many submissions reuses it. */
    private final Map<String, FeatureExtractor> extractors = new HashMap<>();
    /** Training and held-out sets' features and statistics, by reference set id and network. */
    private final Map<String, ArchiveScorer.Reference> sets = new HashMap<>();
    /**
     * Training and held-out images' pixel descriptors by reference set id: the network-free space of the copying
     * measures, computed once per set.
     */
    private final Map<Long, PixelTraining> setPixels = new HashMap<>();
    /** The copying measures' searches, by device. */
    private final Map<String, CopyEvidence> evidence = new HashMap<>();

    public SubmissionScoring(Workspace workspace) {
        this(workspace, ExtractorRegistry.standard(), FeatureCache.standard());
    }

    public SubmissionScoring(Workspace workspace, ExtractorRegistry registry, FeatureCache cache) {
        this.workspace = workspace;
        this.registry = registry;
        this.cache = cache;
    }

    /** A submission scored and stored: its id and its figures on the leaderboard it was scored on. */
    public record Scored(long submissionId, MifidScore score) {
    }

    /**
     * Scores and stores the submission. Reports progress and honours cancellation. A leaderboard keeps one
     * network: a board that already holds scores refuses another network (its figures would not compare).
     */
    public Scored score(ScoringRequest request, ProgressMonitor monitor) {
        return score(request, null, monitor);
    }

    /** As {@link #score(ScoringRequest, ProgressMonitor)}, storing a known label (ground truth) with it. */
    public Scored score(ScoringRequest request, String label, ProgressMonitor monitor) {
        ScoredBoards scored = scoreOnBoards(request, List.of(request.leaderboard()), label, monitor);
        return new Scored(scored.submissionId(), scored.scores().get(request.leaderboard()));
    }

    /** A submission scored on several leaderboards in one run: its id and its figures per board, as asked. */
    public record ScoredBoards(long submissionId, Map<LeaderboardPreset, MifidScore> scores) {
    }

    /**
     * Scores the archive on each of {@code boards} from one reading of it, and stores the submission with all its
     * scores in one transaction: the request's board with the request's network, any other with the network it
     * is scored with. Every board must have a reference set, checked before any features are extracted.
     */
    public ScoredBoards scoreOnBoards(ScoringRequest request, List<LeaderboardPreset> boards, String label,
                                      ProgressMonitor monitor) {
        long started = System.nanoTime();
        for (LeaderboardPreset board : boards) {
            requireBoardNetwork(board, network(request, board));
        }
        try (InMemoryImageSet images = ImageSets.open(request.archive(), ValidationProfile.fromId(request.profile()), monitor)) {
            workspace.submissionByChecksum(images.checksum()).ifPresent(s -> {
                throw new DuplicateSubmissionException(request.archive().toString(), s.id());
            });
            boards.forEach(this::reference);
            List<ScoredLeaderboard> scores = new ArrayList<>(boards.size());
            Map<LeaderboardPreset, MifidScore> figures = new LinkedHashMap<>();
            // boards scored with one network share the archive's features, extracted once
            Map<String, FeatureMatrix> features = new HashMap<>();
            for (LeaderboardPreset board : boards) {
                ScoredLeaderboard scored = measure(images, board, network(request, board), request.device(),
                        request.k(), started, features, monitor);
                scores.add(scored);
                figures.put(board, scored.score());
            }
            List<String> names = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                names.add(images.name(i));
            }
            Path archive = request.archive().toAbsolutePath();
            NewSubmission submission = new NewSubmission(request.externalId(), request.team(),
                    archive.getFileName().toString(), archive.toString(), images.checksum(), Instant.now(),
                    images.size(), label, names);
            return new ScoredBoards(workspace.addSubmission(submission, scores), figures);
        }
    }

    /** The request names the network of its own board; another board keeps the one it is scored with. */
    private String network(ScoringRequest request, LeaderboardPreset board) {
        return board == request.leaderboard() ? request.extractorId() : workspace.leaderboardExtractor(board);
    }

    private ReferenceSet reference(LeaderboardPreset board) {
        return workspace.leaderboardReferenceSet(board).orElseThrow(() ->
                new InvalidInputException(workspace.file().toString(), "the " + board.id()
                        + " leaderboard has no training set to score against (register one first)"));
    }

    /** The first scores of a board set its network; later ones must use it. */
    private void requireBoardNetwork(LeaderboardPreset board, String extractorId) {
        String boardNetwork = workspace.leaderboardExtractor(board);
        if (boardNetwork.equals(extractorId)) {
            return;
        }
        if (!workspace.leaderboardRows(board).isEmpty()) {
            throw new InvalidInputException("extractor " + extractorId, "the " + board.id() + " leaderboard is scored"
                    + " with " + boardNetwork + "; scoring with another network would mix two networks' figures on"
                    + " one board (choose " + boardNetwork + ", or start another workspace)");
        }
        workspace.assignExtractor(board, extractorId);
    }

    /**
     * Scores a stored submission on another leaderboard, with that leaderboard's extractor and reference set,
     * from its archive, which must be unchanged (same checksum).
     */
    public void scoreOnLeaderboard(Submission submission, LeaderboardPreset board, String device, int k,
                                   ProgressMonitor monitor) {
        long started = System.nanoTime();
        if (submission.path() == null) {
            throw new InvalidInputException("submission " + submission.id(), "has no archive to score (imported results)");
        }
        try (InMemoryImageSet images = ImageSets.open(Path.of(submission.path()), ValidationProfile.LENIENT, monitor)) {
            if (!images.checksum().equals(submission.checksum())) {
                throw new InvalidInputException(submission.path(), "changed since it was scored (checksum differs)");
            }
            workspace.addScore(submission.id(), measure(images, board, workspace.leaderboardExtractor(board), device, k,
                    started, new HashMap<>(), monitor));
        }
    }

    /**
     * Features, FID and the memorization search of one image set on one leaderboard; the features are taken from
     * {@code features} (by network and device) when another board of the same run extracted them.
     */
    private ScoredLeaderboard measure(ImageSet images, LeaderboardPreset board, String extractorId, String device,
                                      int k, long started, Map<String, FeatureMatrix> features,
                                      ProgressMonitor monitor) {
        ReferenceSet reference = reference(board);
        String network = extractorId + "@" + device;
        FeatureExtractor extractor = extractors.computeIfAbsent(network,
                key -> registry.open(extractorId, ComputeDevice.resolve(device)));
        ArchiveScorer.Reference train = setFeatures(reference, extractor, monitor);
        MifidScorer scorer = MifidScorer.builder()
                .epsilon(workspace.threshold(board))
                .k(k)
                .device(ComputeDevice.resolve(device))
                .build();
        ArchiveScorer archive = new ArchiveScorer(extractor, train, scorer);
        FeatureMatrix generated = features.computeIfAbsent(network, key -> archive.features(images, monitor));
        MifidScorer.Result result = archive.score(generated, monitor);
        monitor.checkCancelled();
        MeasureValues measures = measures(images, generated, train.features(), result, reference,
                workspace.leaderboardHeldOutSet(board).orElse(null), extractor, device, monitor);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ScoredLeaderboard(board, result.score(), extractor.spec().id(), millis, result.neighbours(),
                reference.id(), measures);
    }

    /**
     * The copying measures beside the mean distance, in the network's space (from the search's neighbours) and in
     * the pixel space (descriptors of the submission's and the training images; the training side computed once
     * per reference set). C_T compares with the board's held-out real set in both spaces, and says so without one.
     */
    private MeasureValues measures(ImageSet images, FeatureMatrix generated, FeatureMatrix train,
                                   MifidScorer.Result result, ReferenceSet reference, ReferenceSet heldOut,
                                   FeatureExtractor extractor, String device, ProgressMonitor monitor) {
        CopyEvidence.BoardSets sets = new CopyEvidence.BoardSets(train, pixels(reference, monitor),
                heldOut == null ? null : setFeatures(heldOut, extractor, monitor).features(),
                heldOut == null ? null : pixels(heldOut, monitor).descriptors());
        CopyEvidence copies = evidence.computeIfAbsent(device, d -> new CopyEvidence(ComputeDevice.resolve(d)));
        return copies.measure(images, generated, result.neighbours(), sets, monitor);
    }

    private PixelTraining pixels(ReferenceSet set, ProgressMonitor monitor) {
        return setPixels.computeIfAbsent(set.id(), id -> CopyEvidence.pixelTraining(Path.of(set.location()), monitor));
    }

    /** Releases the networks loaded while scoring. */
    @Override
    public void close() {
        extractors.values().forEach(FeatureExtractor::close);
        extractors.clear();
        sets.clear();
        setPixels.clear();
        evidence.clear();
    }

    /**
     * A registered set's features from the cache, extracted on first use, kept for the session. The set must be
     * unchanged since it was registered: its checksum is compared with the stored one.
     */
    private ArchiveScorer.Reference setFeatures(ReferenceSet set, FeatureExtractor extractor,
                                                ProgressMonitor monitor) {
        String key = set.id() + "@" + extractor.id();
        ArchiveScorer.Reference known = sets.get(key);
        if (known != null) {
            return known;
        }
        ArchiveScorer.MeasuredReference measured = ArchiveScorer.reference(Path.of(set.location()), extractor,
                cache, monitor);
        if (!measured.checksum().equals(set.checksum())) {
            throw new InvalidInputException(set.location(), "the images of " + set.name() + " changed since the set"
                    + " was registered (checksum differs); register it again");
        }
        sets.put(key, measured.reference());
        return measured.reference();
    }
}
