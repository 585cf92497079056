package org.mifid.workbench.export;

import org.mifid.workbench.scoring.ImageLookup;
import java.io.OutputStreamWriter;
import java.io.Writer;
import org.mifid.workbench.io.OutputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
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

    /** Writes the export to {@code out}: never over the workspace itself, a link, a directory or a device. */
    public static AnnotatedLeaderboard export(Workspace workspace, LeaderboardPreset leaderboard, Format format,
            Path out) {
        AnnotatedLeaderboard board = AnnotatedLeaderboard.build(workspace, leaderboard);
        OutputFile.write(out, os -> {
            try (Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    ImageLookup images = new ImageLookup()) {
                switch (format) {
                    case CSV -> CsvLeaderboardExport.write(board, w);
                    case JSON -> JsonLeaderboardExport.write(board, w);
                    case HTML -> HtmlReport.write(board, images, w);
                }
            }
        }, workspace.file());
        return board;
    }
}
