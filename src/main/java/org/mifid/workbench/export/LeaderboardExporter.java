package org.mifid.workbench.export;

import org.mifid.workbench.scoring.ImageLookup;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.store.Workspace;

/** Writes a leaderboard export to a file: whole or not at all (written beside it, then moved into place). */
public final class LeaderboardExporter {
    /** The export formats; {@code id()} is what the CLI accepts. */
    public enum Format {
        CSV, HTML, JSON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String text) {
            for (Format f : values()) {
                if (f.id().equalsIgnoreCase(text)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown export format '" + text + "' (expected csv, html or json)");
        }
    }

    private LeaderboardExporter() {
    }

    public static AnnotatedLeaderboard export(Workspace workspace, LeaderboardPreset leaderboard, Format format,
            Path out) {
        AnnotatedLeaderboard board = AnnotatedLeaderboard.build(workspace, leaderboard);
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                    ImageLookup images = new ImageLookup()) {
                switch (format) {
                    case CSV -> CsvLeaderboardExport.write(board, w);
                    case JSON -> JsonLeaderboardExport.write(board, w);
                    case HTML -> HtmlReport.write(board, images, w);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the original error is the one worth reporting
            }
            throw new InvalidInputException(out.toString(), "cannot write: " + e.getMessage(), e);
        }
        return board;
    }
}
