package org.mifid.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.LeaderboardPreset;

/** A process killed in the middle of storing a submission leaves no trace of it. */
class SqliteWorkspaceKillTest {
    private static final int IMAGES = 20_000;
    private static final int K = 40;

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesNoPartialSubmission() throws Exception {
        Path file = dir.resolve("killed.db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                WorkspaceWriterChild.class.getName(), file.toString(), String.valueOf(IMAGES), String.valueOf(K))
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        int completed = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("done ")) {
                    completed = Integer.parseInt(line.substring(5));
                }
                if (line.equals("begin 3")) {
                    // the fourth write is now under way (each takes tens of milliseconds): kill it mid-flight
                    Thread.sleep(15);
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, completed, "the child did not get to its fourth write");

        assertEquals("ok", SqliteWorkspaceTest.integrityCheck(file));
        try (Workspace ws = Workspace.open(file)) {
            List<Submission> stored = ws.submissions();
            // the three finished writes are there; the fourth is there whole or not at all
            assertTrue(stored.size() == 3 || stored.size() == 4, "stored " + stored.size());
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
