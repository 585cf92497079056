package org.mifid.workbench.store;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link SqliteWorkspaceKillTest}: stores big submissions one after another, saying
 * on stdout when each write begins and ends (with its duration in ms), until the test kills it.
 */
public final class WorkspaceWriterChild {
    private WorkspaceWriterChild() {
    }

    public static void main(String[] args) {
        int images = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            // a restarted child goes on after the submissions already stored
            for (int i = ws.submissionCount(); ; i++) {
                NewSubmission s = Fixtures.submission("child-" + i, images);
                var scores = Fixtures.bothLeaderboards(images, k, i);
                System.out.println("begin " + i);
                System.out.flush();
                long start = System.nanoTime();
                ws.addSubmission(s, scores);
                System.out.println("done " + i + " " + (System.nanoTime() - start) / 1_000_000);
                System.out.flush();
            }
        }
    }
}
