package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.imaging.ImageSetsTest;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.Workspace;

/** create-competition for MiFID registers the training and held-out images on both leaderboards, or says why not. */
class CreateMifidCompetitionTest {

    @Test
    void registersTrainingAndHeldOutSetsOnBothBoards(@TempDir Path dir) throws IOException {
        Path train = images(dir.resolve("train"), 0, 12);
        Path heldOut = images(dir.resolve("held"), 100, 5);
        Path db = dir.resolve("w.db");
        CliRun r = CliRun.of("create-competition", "--kind", "mifid", "--train", train.toString(), "--held-out",
                heldOut.toString(), "--db", db.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("public leaderboard: held-out set held (held out), 5 images"), r.out());
        try (Workspace ws = Workspace.openReadOnly(db)) {
            for (LeaderboardPreset board : LeaderboardPreset.values()) {
                ReferenceSet t = ws.leaderboardReferenceSet(board).orElseThrow();
                ReferenceSet h = ws.leaderboardHeldOutSet(board).orElseThrow();
                assertEquals(12, t.imageCount());
                assertEquals(5, h.imageCount());
                assertEquals(heldOut.toAbsolutePath().toString(), h.location());
                assertFalse(t.checksum().equals(h.checksum()));
            }
        }
    }

    @Test
    void refusesAHeldOutSetThatIsTheTrainingSetOrComesAlone(@TempDir Path dir) throws IOException {
        Path train = images(dir.resolve("train"), 0, 6);
        Path copy = images(dir.resolve("again"), 0, 6);
        CliRun same = CliRun.of("create-competition", "--kind", "mifid", "--train", train.toString(), "--held-out",
                copy.toString(), "--db", dir.resolve("a.db").toString());
        assertEquals(2, same.exit());
        assertEquals(1, same.err().lines().filter(l -> l.startsWith("error:")).count(), same.err());
        assertTrue(same.err().contains("error: " + copy + ": holds the same images as the public leaderboard's"
                + " training set; a held-out set must be real images kept out of training"), same.err());
        assertFalse(Files.exists(dir.resolve("a.db")), "nothing of a refused competition stays");
        CliRun alone = CliRun.of("create-competition", "--kind", "mifid", "--held-out", copy.toString(), "--db",
                dir.resolve("b.db").toString());
        assertEquals(2, alone.exit());
        assertTrue(alone.err().contains("--held-out: needs the training images too (--train)"), alone.err());
    }

    private static Path images(Path dir, int firstSeed, int count) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            Files.write(dir.resolve(String.format("%03d.png", i)), ImageSetsTest.rgb64(firstSeed + i));
        }
        return dir;
    }
}
