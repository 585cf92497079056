package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mifid.workbench.Launcher;

/**
 * One run of the real command line in a child JVM with a small heap, for failures that only a process shows:
 * the exit status of an uncaught error, an OutOfMemoryError, the bytes that reach the terminal, log lines.
 */
record ChildCli(int exit, byte[] out, byte[] err) {

    static ChildCli run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MIFID_DATA", System.getProperty("mifid.data", "target/mifid-data"));
        builder.environment().put("MIFID_CACHE", System.getProperty("mifid.cache", "target/mifid-cache"));
        Process p = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        copy(p.getInputStream(), out);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the command finished");
        drain.join();
        return new ChildCli(p.exitValue(), out.toByteArray(), err.toByteArray());
    }

    private static void copy(InputStream in, OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String errText() {
        return new String(err, StandardCharsets.UTF_8);
    }

    /** Exit 2, one {@code error:} line (progress lines may precede it) and it is the last, no raw control byte. */
    ChildCli assertOneErrorLine() {
        assertEquals(2, exit, errText());
        for (byte b : err) {
            assertTrue(b == '\n' || b == '\r' || (b >= 0x20 && b != 0x7f) || b < 0,
                    "control byte " + b + " in: " + errText());
        }
        List<String> errors = errText().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), errText());
        assertTrue(errText().strip().endsWith(errors.get(0).strip()), "the error line is the last: " + errText());
        return this;
    }

    /** Asserts the error line holds {@code text}. */
    ChildCli assertSays(String text) {
        assertTrue(errText().contains(text), errText());
        return this;
    }
}
