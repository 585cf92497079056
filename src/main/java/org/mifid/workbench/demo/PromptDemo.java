package org.mifid.workbench.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.TruthItem;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.CompetitionSetup;
import org.mifid.workbench.kind.KindSubmission;
import org.mifid.workbench.prompts.EmbeddingCsvWriter;
import org.mifid.workbench.prompts.EmbeddingTable;
import org.mifid.workbench.prompts.PromptEmbedder;
import org.mifid.workbench.prompts.PromptsCsv;
import org.mifid.workbench.store.Workspace;

/**
 * The image-to-prompt demo, "Emoji to Prompt": emoji images stand for the host's Stable Diffusion images, prompts
 * written from each emoji's name and category are the hidden truth, a public prompt bank holds other emoji's
 * prompts and, leaked, a quarter of the true ones, and twelve teams of known kinds submit. Built the way an
 * organizer would build it, through the competition kind (the truth embedded once, every submission scored
 * from its file on both boards), into {@code <data>/demo-prompts}; the workspace appears there only when
 * complete, so an interrupted build is simply redone. Deterministic: every machine builds the same demo.
 */
public final class PromptDemo {
    /** The kind the demo is a competition of. */
    public static final String KIND = "image-to-prompt";
    static final int IMAGES = 240;
    static final int BANK_OTHERS = 480;
    /** The share of true prompts that the public bank holds verbatim, as DiffusionDB held some of Kaggle's. */
    static final double LEAKED = 0.25;
    static final double PUBLIC_FRACTION = 0.2;
    static final long SEED = 2023;
    private static final String NAME = "Demo: Emoji to Prompt (ground truth known)";

    private final Path root;
    private final int images;
    private final int bankOthers;

    public PromptDemo(Path root) {
        this(root, IMAGES, BANK_OTHERS);
    }

    /** A demo of another size (tests build a small one). */
    PromptDemo(Path root, int images, int bankOthers) {
        this.root = root;
        this.images = images;
        this.bankOthers = bankOthers;
    }

    public static PromptDemo standard() {
        return new PromptDemo(AppPaths.dataDir().resolve("demo-prompts"));
    }

    public Path workspaceFile() {
        return root.resolve("prompt-demo.db");
    }

    /** The public prompt bank ({@code imgId,prompt}), for {@code score-prompts --bank}. */
    public Path bankFile() {
        return root.resolve("files").resolve("bank.csv");
    }

    public boolean exists() {
        return Files.isRegularFile(workspaceFile());
    }

    /** A team's ground truth as the demo printout shows it. */
    public record Entry(String team, String label, String description) {
    }

    /** The teams with their ground truth, best first as designed. */
    public static List<Entry> roster() {
        return PromptTeam.roster().stream().map(t -> new Entry(t.team(), t.label(), t.description())).toList();
    }

    /** Opens the demo workspace, building it first if it is not there. */
    public Workspace open(ProgressMonitor monitor) {
        if (!exists()) {
            build(monitor);
        }
        return Workspace.open(workspaceFile());
    }

    /** Builds the demo from scratch into a staging file and moves the workspace into place when complete. */
    public void build(ProgressMonitor monitor) {
        try {
            Path files = root.resolve("files");
            DemoCompetition.deleteRecursively(files);
            Files.createDirectories(files);
            EmojiCatalog catalog = EmojiCatalog.load(AppPaths.assetsDir());
            List<EmojiCatalog.Emoji> all = new ArrayList<>(catalog.emoji());
            Random rnd = new Random(SEED);
            Collections.shuffle(all, rnd);
            if (all.size() < images + bankOthers) {
                throw new IllegalStateException("only " + all.size() + " emoji for " + images + " images and a bank of "
                        + bankOthers);
            }
            List<EmojiCatalog.Emoji> shown = all.subList(0, images);
            List<EmojiPrompts.Phrased> truth = new ArrayList<>(images);
            Map<String, String> truthById = new LinkedHashMap<>();
            for (EmojiCatalog.Emoji e : shown) {
                EmojiPrompts.Phrased p = EmojiPrompts.truth(e, rnd);
                truth.add(p);
                truthById.put(e.id(), p.text());
            }
            Path imageDir = files.resolve("images");
            writeImages(catalog, shown, imageDir, monitor);
            Path truthFile = files.resolve("truth.csv");
            writePrompts(truthFile, truthById);
            Set<Integer> inBank = new HashSet<>();
            List<String> bank = bank(all.subList(images, images + bankOthers), truth, inBank, rnd);
            Map<String, String> bankById = new LinkedHashMap<>();
            for (int i = 0; i < bank.size(); i++) {
                bankById.put(String.format("bank-%05d", i + 1), bank.get(i));
            }
            writePrompts(bankFile(), bankById);

            Path staging = root.resolve("prompt-demo.db.building");
            Files.deleteIfExists(staging);
            try (Workspace ws = Workspace.open(staging)) {
                ws.renameCompetition(NAME);
                CompetitionKind kind = CompetitionKind.byId(KIND);
                kind.create(ws, new CompetitionSetup(truthFile, imageDir, bankFile(), PUBLIC_FRACTION, SEED),
                        stage(monitor, "Embedding the true prompts"));
                float[][] truthVectors = truthVectors(ws, shown);
                float[] bankMean;
                try (PromptEmbedder embedder = PromptEmbedder.open()) {
                    bankMean = mean(embedder.embed(bank, stage(monitor, "Embedding the prompt bank")));
                }
                PromptTeam.Known known = new PromptTeam.Known(List.copyOf(shown), List.copyOf(truth), Set.copyOf(inBank),
                        truthVectors, bankMean);
                List<PromptTeam> teams = PromptTeam.roster();
                for (int t = 0; t < teams.size(); t++) {
                    monitor.checkCancelled();
                    PromptTeam team = teams.get(t);
                    Path file = files.resolve("submissions").resolve(team.slug() + ".csv");
                    writeSubmission(file, team, known, new Random(SEED * 31 + t));
                    kind.score(ws, new KindSubmission(file, team.team(), "prompt-demo-" + (t + 1), team.label()),
                            List.of(Board.values()), stage(monitor, "Scoring " + team.team() + " (" + (t + 1) + " of "
                                    + teams.size() + ")"));
                }
            }
            Files.move(staging, workspaceFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The public bank: prompts of emoji the competition does not show, and verbatim a share of the true prompts
     * (their image indices go into {@code inBank}), shuffled together.
     */
    private static List<String> bank(List<EmojiCatalog.Emoji> others, List<EmojiPrompts.Phrased> truth,
                                     Set<Integer> inBank, Random rnd) {
        List<String> bank = new ArrayList<>();
        for (EmojiCatalog.Emoji e : others) {
            bank.add(EmojiPrompts.truth(e, rnd).text());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        for (int i : order.subList(0, (int) Math.round(LEAKED * truth.size()))) {
            inBank.add(i);
            bank.add(truth.get(i).text());
        }
        Collections.shuffle(bank, rnd);
        return bank;
    }

    /** The true embeddings as the kind stored them, in the order of the shown images. */
    private static float[][] truthVectors(Workspace ws, List<EmojiCatalog.Emoji> shown) {
        Map<String, float[]> byId = new HashMap<>();
        for (TruthItem t : ws.truth()) {
            byId.put(t.id(), t.vector());
        }
        float[][] vectors = new float[shown.size()][];
        for (int i = 0; i < shown.size(); i++) {
            vectors[i] = byId.get(shown.get(i).id());
        }
        return vectors;
    }

    private static float[] mean(float[][] vectors) {
        float[] mean = new float[PromptEmbedder.DIMENSION];
        for (float[] v : vectors) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += v[d] / vectors.length;
            }
        }
        return mean;
    }

    /** The shown emoji as the competition's images, {@code <imgId>.png}, RGB on white. */
    private static void writeImages(EmojiCatalog catalog, List<EmojiCatalog.Emoji> shown, Path dir,
                                    ProgressMonitor monitor) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < shown.size(); i++) {
            monitor.checkCancelled();
            EmojiCatalog.Emoji e = shown.get(i);
            ImageIO.write(catalog.google(e.file()), "png", dir.resolve(e.id() + ".png").toFile());
            monitor.update(i + 1, shown.size(), "Writing the demo images");
        }
    }

    private static void writePrompts(Path file, Map<String, String> prompts) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            PromptsCsv.write(prompts, w);
        }
    }

    /** The team's predictions for every shown image, as prompts or as embeddings. */
    private static void writeSubmission(Path file, PromptTeam team, PromptTeam.Known known, Random rnd)
            throws IOException {
        Files.createDirectories(file.getParent());
        List<String> ids = known.images().stream().map(EmojiCatalog.Emoji::id).toList();
        if (team.prompts() != null) {
            Map<String, String> prompts = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                prompts.put(ids.get(i), team.prompts().write(known, i, rnd));
            }
            writePrompts(file, prompts);
            return;
        }
        float[][] vectors = new float[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            vectors[i] = team.vectors().write(known, i, rnd);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            EmbeddingCsvWriter.write(EmbeddingTable.of(ids, vectors, ""), out);
        }
    }

    /** The monitor for one stage of the build: its own counts, its name in front of the message. */
    private static ProgressMonitor stage(ProgressMonitor monitor, String name) {
        return new ProgressMonitor() {
            @Override
            public void update(long done, long total, String message) {
                monitor.update(done, total, name + ": " + message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }
}
