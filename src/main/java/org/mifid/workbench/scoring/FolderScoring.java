package org.mifid.workbench.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.mifid.workbench.core.ErrorKind;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * A folder of submission archives scored into a workspace one after another, through one
 * {@link SubmissionScoring} (the network and training features loaded once), each archive as the scoring page
 * scores one: the team is the archive's name. A refused archive (hostile, unreadable, already scored) is listed
 * and the next one scored; any other failure stops the run. Cancelling stops within the archive in progress,
 * which stores nothing; those finished before stay stored.
 */
public final class FolderScoring {
    private final SubmissionScoring scoring;

    public FolderScoring(SubmissionScoring scoring) {
        this.scoring = scoring;
    }

    /** One archive's outcome: its submission id when stored, else why it was refused. */
    public record Outcome(Path archive, String team, long submissionId, String problem) {
        public boolean stored() {
            return problem == null;
        }
    }

    /** What a run did, in folder order; {@code cancelled} when it stopped before the last archive. */
    public record Summary(List<Outcome> outcomes, int archives, boolean cancelled) {
        public long stored() {
            return outcomes.stream().filter(Outcome::stored).count();
        }
    }

    /** The archives of a folder, by name: its zip files and its sub-folders (a folder of images is an archive). */
    public static List<Path> archives(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().toLowerCase().endsWith(".zip"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(folder.toString(), "cannot list the folder: " + e.getMessage(), e);
        }
    }

    /**
     * Scores every archive of {@code folder} on {@code boards} with the settings of {@code template} (its archive
     * and team are replaced per archive); progress runs once across the whole folder.
     */
    public Summary score(Path folder, ScoringRequest template, List<LeaderboardPreset> boards,
                         ProgressMonitor monitor) {
        List<Path> archives = archives(folder);
        if (archives.isEmpty()) {
            throw new InvalidInputException(folder.toString(), "holds no .zip archive or folder of images to score");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < archives.size(); i++) {
            Path archive = archives.get(i);
            String team = team(archive);
            ScoringRequest request = new ScoringRequest(archive, team, null, template.leaderboard(),
                    template.extractorId(), template.device(), template.k(), template.profile());
            try {
                long id = scoring.scoreOnBoards(request, boards, null, slice(monitor, i, archives.size(),
                        (i + 1) + "/" + archives.size() + " " + PrintableText.of(team) + ": ")).submissionId();
                outcomes.add(new Outcome(archive, team, id, null));
            } catch (CancellationException e) {
                return new Summary(outcomes, archives.size(), true);
            } catch (RuntimeException e) {
                if (monitor.isCancelled()) {
                    return new Summary(outcomes, archives.size(), true);
                }
                if (ErrorKind.of(e) != ErrorKind.BAD_INPUT) {
                    throw e;
                }
                outcomes.add(new Outcome(archive, team, 0, PrintableText.of(e.getMessage())));
            }
        }
        return new Summary(outcomes, archives.size(), false);
    }

    private static String team(Path archive) {
        String name = archive.getFileName().toString();
        return name.toLowerCase().endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    /**
     * The archive's own progress as its share of the folder's, its messages prefixed with which archive it is.
     * Each phase of an archive (reading, features, search) counts from zero again: the share only grows, so the
     * folder's bar never goes back.
     */
    private static ProgressMonitor slice(ProgressMonitor folder, int index, int count, String prefix) {
        return new ProgressMonitor() {
            private static final long UNITS = 1000;
            private long reached;

            @Override
            public void update(long done, long total, String message) {
                reached = Math.max(reached, total > 0 ? Math.min(UNITS, done * UNITS / total) : 0);
                folder.update(index * UNITS + reached, count * UNITS, prefix + message);
            }

            @Override
            public boolean isCancelled() {
                return folder.isCancelled();
            }
        };
    }
}
