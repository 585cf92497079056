package org.mifid.workbench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.mifid.workbench.core.InvalidInputException;

/**
 * The emoji the demo competition is drawn from: the same emoji in two drawing styles (Noto from
 * emoji-datasource-google, Twemoji from emoji-datasource-twitter), fetched by the build into the assets folder.
 * Flags, symbols and skin-tone variants are left out: they are near-duplicates or not pictures.
 */
final class EmojiCatalog {
    private static final Set<String> PICTURE_CATEGORIES = Set.of(
            "Animals & Nature", "Food & Drink", "Smileys & Emotion", "People & Body", "Objects",
            "Travel & Places", "Activities");

    private final Path googleDir;
    private final Path twitterDir;
    private final List<Emoji> emoji;

    /**
     * One emoji as the catalog describes it: its image file, its Unicode name ("GRINNING FACE") and where Unicode
     * files it ("Smileys & Emotion", "face-smiling"), from which the image-to-prompt demo writes its prompts.
     */
    record Emoji(String file, String name, String category, String subcategory) {
        /** The file name without ".png" ("1f600"): the image id in the image-to-prompt demo. */
        String id() {
            return file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
        }
    }

    private EmojiCatalog(Path googleDir, Path twitterDir, List<Emoji> emoji) {
        this.googleDir = googleDir;
        this.twitterDir = twitterDir;
        this.emoji = emoji;
    }

    static EmojiCatalog load(Path assets) {
        Path catalog = assets.resolve("emoji-google/emoji.json");
        Path google = assets.resolve("emoji-google/img/google/64");
        Path twitter = assets.resolve("emoji-twitter/img/twitter/64");
        if (!Files.isRegularFile(catalog) || !Files.isDirectory(google) || !Files.isDirectory(twitter)) {
            throw new InvalidInputException(assets.toString(),
                    "demo images are missing; build the project (mvn package) to fetch them through npm");
        }
        List<Emoji> emoji = new ArrayList<>();
        try (InputStream in = Files.newInputStream(catalog)) {
            for (JsonNode e : new ObjectMapper().readTree(in)) {
                String file = e.path("image").asText();
                if (PICTURE_CATEGORIES.contains(e.path("category").asText())
                        && e.path("has_img_google").asBoolean() && e.path("has_img_twitter").asBoolean()
                        && Files.isRegularFile(google.resolve(file)) && Files.isRegularFile(twitter.resolve(file))) {
                    emoji.add(new Emoji(file, e.path("name").asText(e.path("short_name").asText()),
                            e.path("category").asText(), e.path("subcategory").asText()));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(catalog.toString(), "cannot read the emoji catalog: " + e.getMessage(), e);
        }
        emoji.sort(Comparator.comparing(Emoji::file));
        return new EmojiCatalog(google, twitter, List.copyOf(emoji));
    }

    /** Emoji file names with both styles, sorted. */
    List<String> files() {
        return emoji.stream().map(Emoji::file).toList();
    }

    /** The same emoji with their names and categories, sorted by file name. */
    List<Emoji> emoji() {
        return emoji;
    }

    BufferedImage google(String file) {
        return readOnWhite(googleDir.resolve(file));
    }

    BufferedImage twitter(String file) {
        return readOnWhite(twitterDir.resolve(file));
    }

    /** Emoji are RGBA on transparency; competition images are RGB, so they are composited on white. */
    private static BufferedImage readOnWhite(Path file) {
        try {
            BufferedImage src = ImageIO.read(file.toFile());
            if (src == null) {
                throw new InvalidInputException(file.toString(), "not a readable image");
            }
            BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(src, 0, 0, null);
            g.dispose();
            return rgb;
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }
}
