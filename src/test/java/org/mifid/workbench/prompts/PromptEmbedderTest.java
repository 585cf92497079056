package org.mifid.workbench.prompts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mifid.workbench.core.CountingProgress;
import org.mifid.workbench.core.ProgressMonitor;

class PromptEmbedderTest {
    private static PromptEmbedder embedder;

    @BeforeAll
    static void open() {
        embedder = PromptEmbedder.open();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void theHostsEmbeddingsWithinOneMillionthPerComponentBatchedAndAlone() {
        PromptsCsv.Prompts prompts = PromptsCsv.read(GoldenData.file("host-prompts.csv"), null);
        EmbeddingTable host = SubmissionCsv.read(GoldenData.file("host-embeddings.csv"), prompts.byId().keySet());
        // a fourth, longer prompt in the batch makes the host's three padded
        List<String> texts = new java.util.ArrayList<>(prompts.texts());
        texts.add("a much longer prompt ".repeat(20));
        float[][] batched = embedder.embed(texts, ProgressMonitor.NONE);
        var rows = host.rows();
        double worst = 0;
        for (int i = 0; i < prompts.ids().size(); i++) {
            float[] alone = embedder.embed(texts.get(i));
            int row = rows.get(prompts.ids().get(i));
            for (int d = 0; d < EmbeddingTable.DIMENSION; d++) {
                double want = host.values()[row * EmbeddingTable.DIMENSION + d];
                worst = Math.max(worst, Math.abs(batched[i][d] - want));
                worst = Math.max(worst, Math.abs(alone[d] - want));
            }
        }
        assertTrue(worst <= 1e-6, "worst component differs by " + worst);
    }

    @Test
    void aLongPromptIsTruncatedAt256Tokens() {
        String base = "a photograph of a red fox in the snow, highly detailed, ";
        String longPrompt = base.repeat(60);
        assertEquals(PromptEmbedder.MAX_TOKENS, embedder.tokenCount(longPrompt));
        // what lies past the 256th token changes nothing
        float[] a = embedder.embed(longPrompt);
        float[] b = embedder.embed(longPrompt + " and a blue whale flying over a city at night".repeat(10));
        for (int d = 0; d < a.length; d++) {
            assertEquals(a[d], b[d], 1e-6);
        }
        double norm = 0;
        for (float x : a) {
            norm += x * x;
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-6);
    }

    @Test
    void aRepeatedPromptIsTheSameVectorInItsOwnArray() {
        List<String> texts = List.of("a red fox", "a blue whale", "a red fox", "a red fox");
        float[][] v = embedder.embed(texts, ProgressMonitor.NONE);
        assertArrayEquals(v[0], v[2]);
        assertArrayEquals(v[0], v[3]);
        assertNotSame(v[0], v[2]);
        assertNotSame(v[2], v[3]);
        assertArrayEquals(embedder.embed("a blue whale"), v[1], 1e-6f);
    }

    @Test
    void aClosedHandleRefusesWorkAndTheModelServesTheNextOne() {
        PromptEmbedder handle = PromptEmbedder.open();
        float[] before = handle.embed("a lighthouse at dawn");
        handle.close();
        assertThrows(IllegalStateException.class, () -> handle.embed("a lighthouse at dawn"));
        try (PromptEmbedder next = PromptEmbedder.open()) {
            assertArrayEquals(before, next.embed("a lighthouse at dawn"));
        }
    }

    @Test
    void cancellingStopsBetweenBatches() {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            texts.add("prompt number " + i);
        }
        CountingProgress cancelAfterFirst = CountingProgress.cancelAfter(1);
        assertThrows(java.util.concurrent.CancellationException.class, () -> embedder.embed(texts, cancelAfterFirst));
        assertEquals(1, cancelAfterFirst.updates());
    }
}
