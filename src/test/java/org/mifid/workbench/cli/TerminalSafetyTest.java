package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What competitors wrote never reaches the terminal raw: the real command line, in a child JVM, reading an archive
 * whose entry name holds a newline, a forged {@code error:} line and ANSI escapes, prints one line with the control
 * bytes made visible; a usage error is one line pointing to --help; a huge field is shortened.
 */
class TerminalSafetyTest {
    @TempDir
    Path dir;

    @Test
    void entryNamesCannotForgeLinesOrReachTheTerminal() throws Exception {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("dog\nerror: forged line\u001b[31m\u0007\u202e.png"));
            z.write("not an image".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        ChildCli run = ChildCli.run("extract", "--images", zip.toString(), "--out", dir.resolve("f.npy").toString());
        run.assertOneErrorLine();
        assertTrue(run.errText().contains("dog\\nerror: forged line\\x1b[31m\\x07\\u202e.png"), run.errText());
    }

    @Test
    void aUsageErrorIsOneLinePointingToHelp() throws Exception {
        ChildCli run = ChildCli.run("score", "--no-such-option");
        run.assertOneErrorLine();
        assertTrue(run.errText().contains("--help"), run.errText());
        assertFalse(run.errText().contains("Usage:"), run.errText());
    }

    @Test
    void aHugeFieldIsShortenedInTheMessage() throws Exception {
        Path csv = dir.resolve("results.csv");
        String huge = "x".repeat(2_000_000);
        Files.writeString(csv, "submission_id,public_score,private_score,FID_public,FID_private,distance_public,"
                + "distance_private,labels\n1,50.0,80.0," + huge + ",80.0,0.2,0.3,non-mem\n");
        ChildCli run = ChildCli.run("import-results", "--db", dir.resolve("w.db").toString(), csv.toString());
        run.assertOneErrorLine();
        assertTrue(run.err().length < 2_000, "message of " + run.err().length + " bytes");
    }

    @Test
    void reportsOnStandardOutputCarryNoControlBytes() throws Exception {
        // issue #11: import reports and verdict lines printed ids and team names raw
        Path csv = dir.resolve("results.csv");
        String evil = "7\u001b]0;pwned\u0007\nerror: forged";
        Files.writeString(csv, "submission_id,team,public_score,private_score,FID_public,FID_private,distance_public,"
                + "distance_private,labels\n"
                + "\"" + evil + "\",\"Team\u001b[2J\rX\",50.0,80.0,50.0,80.0,0.2,0.3,\n"
                + "\"" + evil + "\",Other,60.0,80.0,60.0,80.0,0.3,0.3,\n");
        Path db = dir.resolve("w.db");
        ChildCli imported = ChildCli.run("import-results", "--db", db.toString(), "--skip-bad-rows", csv.toString());
        ChildCli verdict = ChildCli.run("verdict", "--db", db.toString(), "--submission", "1", "--set", "cheater");
        for (ChildCli run : java.util.List.of(imported, verdict)) {
            String out = new String(run.out(), StandardCharsets.UTF_8);
            assertTrue(run.exit() == 0, run.errText());
            assertFalse(out.chars().anyMatch(c -> c < 0x20 && c != '\n'), out);
            assertFalse(out.lines().anyMatch(l -> l.startsWith("error:")), out);
        }
        String report = new String(imported.out(), StandardCharsets.UTF_8);
        assertTrue(report.contains("already on line 2"), report);
        assertTrue(report.contains("7\\x1b]0;pwned\\x07\\nerror: forged"), report);
        String line = "(submission 7\\x1b]0;pwned\\x07\\nerror: forged)";
        assertTrue(new String(verdict.out(), StandardCharsets.UTF_8).contains(line),
                new String(verdict.out(), StandardCharsets.UTF_8));
    }
}
