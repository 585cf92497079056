package org.mifid.workbench.demo;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.mifid.workbench.prompts.PromptEmbedder;

/**
 * One team of the image-to-prompt demo and how it predicts: either prompts ({@code imgId,prompt}, embedded by the
 * workbench when scored) or embeddings ({@code imgId_eId,val}) written from what the demo knows. Exactly one of
 * {@code prompts} and {@code vectors} is set.
 *
 * @param label the ground truth stored with the submission
 * @param description what the submission really is, for the demo's printout
 */
record PromptTeam(String team, String label, String description, PromptGuess prompts, VectorGuess vectors) {

    /** What a team can base its guesses on; the demo hands every team the same. */
    record Known(List<EmojiCatalog.Emoji> images, List<EmojiPrompts.Phrased> truth, Set<Integer> inBank,
                 float[][] truthVectors, float[] bankMean) {
    }

    /** A predicted prompt for image {@code i}. */
    interface PromptGuess {
        String write(Known known, int i, Random rnd);
    }

    /** A predicted embedding for image {@code i}, of any length (the metric is a cosine). */
    interface VectorGuess {
        float[] write(Known known, int i, Random rnd);
    }

    /** File-system friendly name of the team's submission. */
    String slug() {
        return team.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * The demo's twelve teams, best first as designed: a near-perfect captioner, a team that copies the true
     * prompt from the public bank wherever it is there, a model that regresses embeddings directly, captioners
     * that see less and less of the prompt, the trivial answers (one caption for all, the bank's mean vector) and
     * three bugs or non-answers (captions one row off, zero vectors, random vectors).
     */
    static List<PromptTeam> roster() {
        return List.of(
                prompts("Prompt Whisperers", "near-perfect", "medium, subject and topic right, one detail missing",
                        (k, i, r) -> k.truth().get(i).withoutLastDetail()),
                prompts("Lookup Ltd", "bank-copy", "copies the true prompt from the public bank where it is there"
                        + " (a quarter of the images), the emoji's name elsewhere",
                        (k, i, r) -> k.inBank().contains(i) ? k.truth().get(i).text() : keyword(k, i)),
                vectors("Vector Forge", "vector-regression", "regresses embeddings: the true vector pulled towards"
                        + " the mean, plus noise", PromptTeam::regressed),
                prompts("Caption Crafters", "name-caption", "names the emoji and its topic, not the medium",
                        PromptTeam::caption),
                prompts("Keyword Kids", "keyword-only", "the emoji's name only", (k, i, r) -> keyword(k, i)),
                prompts("Greg Fans", "boilerplate", "the emoji's name drowned in popular prompt words",
                        (k, i, r) -> keyword(k, i) + ", " + EmojiPrompts.BOILERPLATE),
                prompts("Topic Tellers", "topic-only", "the topic only (\"an emoji of animal mammal\")",
                        (k, i, r) -> "an emoji of " + k.truth().get(i).topic()),
                prompts("One Size", "template-caption", "the same caption for every image",
                        (k, i, r) -> EmojiPrompts.TEMPLATE),
                vectors("Average Joes", "mean-vector", "the mean embedding of the public bank for every image",
                        (k, i, r) -> k.bankMean().clone()),
                prompts("Off By One", "off-by-one-bug", "Caption Crafters' captions written one row off",
                        (k, i, r) -> caption(k, (i + 1) % k.images().size(), r)),
                vectors("Null Island", "zero-vector-bug", "Vector Forge's model, but a writer bug left nine images"
                        + " in ten as zero vectors",
                        (k, i, r) -> i % 10 == 0 ? regressed(k, i, r) : new float[PromptEmbedder.DIMENSION]),
                vectors("Dice Rollers", "random", "random vectors", (k, i, r) -> gaussian(r)));
    }

    private static String keyword(Known k, int i) {
        return k.truth().get(i).subject().replaceFirst("^an? ", "");
    }

    private static String caption(Known k, int i, Random rnd) {
        return "an emoji of " + k.truth().get(i).subject() + ", " + k.truth().get(i).topic();
    }

    /** A regression model's typical answer: most of the true direction, some of the mean, some noise. */
    private static float[] regressed(Known k, int i, Random rnd) {
        float[] t = k.truthVectors()[i];
        float[] v = new float[t.length];
        for (int d = 0; d < t.length; d++) {
            v[d] = (float) (0.7 * t[d] + 0.3 * k.bankMean()[d] + 0.025 * rnd.nextGaussian());
        }
        return v;
    }

    private static float[] gaussian(Random rnd) {
        float[] v = new float[PromptEmbedder.DIMENSION];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private static PromptTeam prompts(String team, String label, String description, PromptGuess guess) {
        return new PromptTeam(team, label, description, guess, null);
    }

    private static PromptTeam vectors(String team, String label, String description, VectorGuess guess) {
        return new PromptTeam(team, label, description, null, guess);
    }
}
