package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.Launcher;

/**
 * What competitors wrote never reaches the terminal raw: the real command line, in a child JVM, reading an archive
 * whose entry name holds a newline, a forged {@code error:} line and ANSI escapes, prints one line with the control
 * bytes made visible; a usage error is one line pointing to --help; a huge field is shortened.
 */
class TerminalSafetyTest {
    @TempDir
    Path dir;

    private record Run(int exit, byte[] out, byte[] err) {
        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    private static Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        copy(p.getInputStream(), out);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command finished");
        drain.join();
        return new Run(p.exitValue(), out.toByteArray(), err.toByteArray());
    }

    private static void copy(java.io.InputStream in, OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Exit 2, one {@code error:} line (progress lines may precede it), no ESC, BEL or other raw control byte. */
    private static void assertOneSafeLine(Run run) {
        assertEquals(2, run.exit(), run.errText());
        for (byte b : run.err()) {
            assertTrue(b == '\n' || b == '\r' || (b >= 0x20 && b != 0x7f) || b < 0,
                    "control byte " + b + " in: " + run.errText());
        }
        List<String> errors = run.errText().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), run.errText());
        assertTrue(run.errText().strip().endsWith(errors.get(0).strip()), "the error line is the last");
    }

    @Test
    void entryNamesCannotForgeLinesOrReachTheTerminal() throws Exception {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("dog\nerror: forged line\u001b[31m\u0007\u202e.png"));
            z.write("not an image".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        Run run = cli("extract", "--images", zip.toString(), "--out", dir.resolve("f.npy").toString());
        assertOneSafeLine(run);
        assertTrue(run.errText().contains("dog\\nerror: forged line\\x1b[31m\\x07\\u202e.png"), run.errText());
    }

    @Test
    void aUsageErrorIsOneLinePointingToHelp() throws Exception {
        Run run = cli("score", "--no-such-option");
        assertOneSafeLine(run);
        assertTrue(run.errText().contains("--help"), run.errText());
        assertFalse(run.errText().contains("Usage:"), run.errText());
    }

    @Test
    void aHugeFieldIsShortenedInTheMessage() throws Exception {
        Path csv = dir.resolve("results.csv");
        String huge = "x".repeat(2_000_000);
        Files.writeString(csv, "submission_id,public_score,private_score,FID_public,FID_private,distance_public,"
                + "distance_private,labels\n1,50.0,80.0," + huge + ",80.0,0.2,0.3,non-mem\n");
        Run run = cli("import-results", "--db", dir.resolve("w.db").toString(), csv.toString());
        assertOneSafeLine(run);
        assertTrue(run.err().length < 2_000, "message of " + run.err().length + " bytes");
    }
}
