package org.mifid.workbench.demo;

import java.util.Locale;
import java.util.Random;

/**
 * Prompts written from an emoji's Unicode name and category, in the shape of Stable Diffusion prompts: a medium
 * ("a watercolor painting of"), the subject (the emoji's name), its topic (the Unicode subcategory) and two
 * details. The image-to-prompt demo's true prompts, its bank and its teams' guesses are all phrased here, so a
 * team's guess differs from the truth exactly in the parts the team cannot see.
 */
final class EmojiPrompts {
    private static final String[] MEDIA = {"a flat vector emoji icon of", "a glossy 3d render of",
        "a cute cartoon sticker of", "a minimalist line drawing of", "a watercolor painting of",
        "a pixel art sprite of", "a children's book illustration of", "an enamel pin of", "a neon sign of",
        "a clay figurine of"};
    private static final String[] DETAILS = {"white background", "soft studio lighting", "bold outlines",
        "pastel colors", "highly detailed", "centered composition", "vibrant colors", "smooth gradients",
        "isometric view", "sharp focus"};
    /** What teams that imitate popular prompts append whatever the image shows. */
    static final String BOILERPLATE = "by greg rutkowski, trending on artstation, 8k, octane render, unreal engine,"
            + " cinematic lighting, highly detailed";
    /** The one caption a team without a model writes for every image. */
    static final String TEMPLATE = "a colorful emoji icon, digital art, white background";

    private EmojiPrompts() {
    }

    /** A prompt as the host would have written it: the medium and the details drawn from {@code rnd}. */
    static Phrased truth(EmojiCatalog.Emoji emoji, Random rnd) {
        int first = rnd.nextInt(DETAILS.length);
        int second = (first + 1 + rnd.nextInt(DETAILS.length - 1)) % DETAILS.length;
        return new Phrased(MEDIA[rnd.nextInt(MEDIA.length)], subject(emoji), topic(emoji), DETAILS[first],
                DETAILS[second]);
    }

    /** The emoji's name in lower case with its article ("a grinning face"). */
    static String subject(EmojiCatalog.Emoji emoji) {
        String name = emoji.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return ("aeiou".indexOf(name.isEmpty() ? 'x' : name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /** The Unicode subcategory as words ("animal-mammal" becomes "animal mammal"). */
    static String topic(EmojiCatalog.Emoji emoji) {
        return emoji.subcategory().replace('-', ' ').replace("&", "and");
    }

    /** A prompt in its parts, so that a guess can keep some of them. */
    record Phrased(String medium, String subject, String topic, String detail, String otherDetail) {
        String text() {
            return medium + " " + subject + ", " + topic + ", " + detail + ", " + otherDetail;
        }

        /** Medium, subject and topic right, one of the two details left out. */
        String withoutLastDetail() {
            return medium + " " + subject + ", " + topic + ", " + detail;
        }
    }
}
