package org.mifid.workbench.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.store.Workspace;

class CompetitionKindTest {
    @TempDir
    Path dir;

    @Test
    void kindsAreFoundByIdAndAnUnknownOneIsNamed() {
        CompetitionKind mifid = CompetitionKind.byId("mifid");
        assertEquals("mifid", mifid.id());
        assertFalse(mifid.higherIsBetter());
        assertEquals("mifid", mifid.columns().get(0).figure(), "the first column is the board score");
        assertEquals(ItemDisplay.IMAGE, mifid.itemDisplay());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CompetitionKind.byId("chess"));
        assertTrue(e.getMessage().contains("unknown competition kind 'chess' (known: "), e.getMessage());
        assertTrue(e.getMessage().contains("mifid"), e.getMessage());
    }

    @Test
    void theMifidKindShowsNeighboursAsPerItemEvidence() throws Exception {
        Path file = dir.resolve("release.db");
        try (InputStream in = CompetitionKindTest.class.getResourceAsStream("/store/release-b2495cd/workspace.db")) {
            Files.copy(in, file);
        }
        try (Workspace ws = Workspace.openReadOnly(file)) {
            CompetitionKind kind = CompetitionKind.of(ws);
            long gamma = ws.submissionByChecksum("sha-gamma").orElseThrow().id();
            List<ItemEvidence> items = kind.evidence(ws, gamma, Board.PUBLIC);
            assertEquals(List.of("g1.png", "g2.png", "g3.png"), items.stream().map(ItemEvidence::item).toList());
            assertEquals(0.1f, (float) items.get(0).value());
            assertEquals("nearest: d1.png", items.get(0).detail());
            assertEquals("nearest: d4.png", items.get(2).detail());
            long alpha = ws.submissionByExternalId("1001").orElseThrow().id();
            assertThrows(InvalidInputException.class, () -> kind.evidence(ws, alpha, Board.PUBLIC));
        }
    }
}
