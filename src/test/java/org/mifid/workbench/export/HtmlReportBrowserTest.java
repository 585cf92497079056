package org.mifid.workbench.export;

import org.mifid.workbench.Prerequisites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.store.Workspace;

/** The HTML report in a real browser: headless Chromium loads it without console errors and renders content. */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void opensInHeadlessChromiumWithoutErrorsAndRendersSomething() throws Exception {
        Prerequisites.require(Files.isExecutable(CHROMIUM), "chromium is not installed (apt package chromium)");
        Path db = ExportFixture.build(dir);
        Path html = dir.resolve("report.html");
        try (Workspace ws = Workspace.open(db)) {
            LeaderboardExporter.export(ws, LeaderboardPreset.PUBLIC, LeaderboardExporter.Format.HTML, html);
        }
        Render good = render(html, "report");
        assertEquals(List.of(), good.console(), "the browser reported problems with the report");
        BufferedImage shot = ImageIO.read(good.screenshot().toFile());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                nonWhite += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        double share = nonWhite / (double) (shot.getWidth() * shot.getHeight());
        assertTrue(share > 0.05, "screenshot nearly blank: " + share + " non-white");
        assertTrue(colours.size() > 50, "screenshot has only " + colours.size() + " colours");

        // the check can fail: a page that breaks the report's rules is caught
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, Files.readString(html)
                .replace("</body>", "<img src=\"http://example.invalid/x.png\"></body>"));
        assertTrue(!render(bad, "bad").console().isEmpty(), "a blocked external image went unnoticed");
    }

    private record Render(Path screenshot, List<String> console) {
    }

    private Render render(Path html, String name) throws Exception {
        Path shot = dir.resolve(name + ".png");
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile-" + name), "--enable-logging=stderr", "--v=0",
                "--window-size=1280,1600", "--screenshot=" + shot, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + readQuietly(log));
        assertTrue(Files.size(shot) > 0);
        // console messages are what a page's errors, blocked loads and CSP violations produce
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE")).toList();
        return new Render(shot, console);
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
