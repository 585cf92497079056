package org.mifid.workbench.store;

import org.mifid.workbench.core.Submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;

/** A process killed in the middle of storing a submission leaves no trace of it. */
class SqliteWorkspaceKillTest {
    private static final int IMAGES = 20_000;
    private static final int K = 40;

    private static final int MAX_ATTEMPTS = 5;

    @TempDir
    Path dir;

    /**
     * Starts a writer on {@code file}, lets one write finish to learn how long a write takes, and kills the child
     * a quarter of that into its next write.
     *
     * @return the index of the submission whose write was interrupted, or -1 when the kill came too late
     */
    private int killDuringSecondWrite(Path file, int attempt) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child" + attempt + ".out");
        // the child writes to a file: destroying a process closes its pipes, and we read on after the kill
        Process child = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                WorkspaceWriterChild.class.getName(), file.toString(), String.valueOf(IMAGES), String.valueOf(K))
                .redirectOutput(log.toFile())
                .redirectError(dir.resolve("child" + attempt + ".err").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> lines = List.of();
        while (lines.stream().filter(l -> l.startsWith("begin ")).count() < 2) {
            assertTrue(child.isAlive() && System.nanoTime() < deadline, "the child stopped: " + lines);
            Thread.sleep(1);
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        }
        long oneWriteMillis = lines.stream().filter(l -> l.startsWith("done ")).findFirst()
                .map(l -> Long.parseLong(l.split(" ")[2])).orElseThrow();
        Thread.sleep(Math.max(1, oneWriteMillis / 4));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String second = lines.stream().filter(l -> l.startsWith("begin ")).skip(1).findFirst().orElseThrow();
        int index = Integer.parseInt(second.substring("begin ".length()));
        boolean finished = lines.stream().anyMatch(l -> l.startsWith("done " + index + " "));
        return finished ? -1 : index;
    }

    @Test
    void aKilledWriterLeavesNoPartialSubmission() throws Exception {
        Path file = dir.resolve("killed.db");
        int interruptedAt = -1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && interruptedAt < 0; attempt++) {
            interruptedAt = killDuringSecondWrite(file, attempt);
        }
        assertTrue(interruptedAt >= 0, "no kill landed inside a write in " + MAX_ATTEMPTS + " attempts");

        assertEquals("ok", SqliteWorkspaceTest.integrityCheck(file));
        try (Workspace ws = Workspace.open(file)) {
            List<Submission> stored = ws.submissions();
            // every finished write is there; the interrupted one is there whole or not at all
            assertTrue(stored.size() == interruptedAt || stored.size() == interruptedAt + 1,
                    "stored " + stored.size() + ", the write of submission " + interruptedAt + " was interrupted");
            for (Submission s : stored) {
                assertEquals(IMAGES, ws.submissionImageNames(s.id()).size());
                for (LeaderboardPreset lb : LeaderboardPreset.values()) {
                    var n = ws.neighbours(s.id(), lb);
                    assertNotNull(n.orElse(null), s.checksum() + " has no neighbours on " + lb);
                    assertEquals(IMAGES * K, n.get().neighbours().indices().length);
                }
            }
            assertEquals(stored.size(), ws.leaderboardRows(LeaderboardPreset.PUBLIC).size());
            assertEquals(stored.size(), ws.leaderboardRows(LeaderboardPreset.PRIVATE).size());
        }
    }
}
