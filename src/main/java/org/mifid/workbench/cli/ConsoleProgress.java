package org.mifid.workbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * Progress on standard error, so that --json output on standard out stays one clean object. Updates are
 * throttled to a few a second; on a terminal they overwrite one line, elsewhere each is a line of its own.
 * Cancellation in the CLI is Ctrl+C: every write the commands make is one transaction, so nothing is left
 * half-done.
 */
final class ConsoleProgress implements ProgressMonitor {
    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private long last;
    private String lastMessage = "";

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && message.equals(lastMessage) && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        lastMessage = message;
        double seconds = (now - started) / 1e9;
        String line = total > 0
                ? String.format(Locale.ROOT, "%s: %d/%d (%.0f%%) %.1f s", message, done, total, 100.0 * done / total,
                        seconds)
                : String.format(Locale.ROOT, "%s %.1f s", message, seconds);
        if (terminal) {
            err.print("\r" + line + (finished ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
