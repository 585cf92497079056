package org.mifid.workbench.demo;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * One team of the demo competition and how its submission is made: a share of altered training images
 * (memorization) and the rest novel emoji the training set does not hold, possibly degraded.
 *
 * @param team the team name on the leaderboard
 * @param label the ground truth, in the 2019 labels' convention: "non-mem" for legitimate, anything else a kind
 *     of memorization
 * @param description what the submission really is, for the demo's printout
 * @param copyFraction share of images that are altered training images
 * @param copyAlteration how training images are altered
 * @param otherStyle novel images drawn in the other style (Twemoji) rather than the training set's
 * @param novelAlteration how novel images are degraded
 */
record DemoTeam(
        String team,
        String label,
        String description,
        double copyFraction,
        Alteration copyAlteration,
        boolean otherStyle,
        Alteration novelAlteration) {

    /** An image edit; deterministic given the random source. */
    interface Alteration {
        BufferedImage apply(BufferedImage image, Random rnd);
    }

    static final Alteration NONE = (image, rnd) -> image;

    boolean memorizer() {
        return !"non-mem".equals(label);
    }

    /** File-system friendly name of the team's archive. */
    String slug() {
        return team.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The demo's teams: six honest generators, five memorizers, three partial memorizers. */
    static List<DemoTeam> roster() {
        return List.of(
                novel("Pixel Pups", "novel emoji in the training set's style", false, NONE),
                novel("Twin Brush", "novel emoji in another drawing style", true, NONE),
                novel("Soft Focus", "degraded generator: blurred novel emoji", false, (i, r) -> Alterations.blur(i)),
                novel("Static Noise", "degraded generator: noisy novel emoji", false,
                        (i, r) -> Alterations.noise(i, r, 24)),
                novel("Colour Drift", "degraded generator: colour channels rotated", false,
                        (i, r) -> Alterations.colourShift(i)),
                novel("Low Res", "degraded generator: no detail below 16x16", false,
                        (i, r) -> Alterations.lowResolution(i)),
                copies("Exact Echo", "mem-copy", "training images copied verbatim", 1.0, NONE),
                copies("Mirror Mirror", "mem-flip", "training images flipped", 1.0, (i, r) -> Alterations.flip(i)),
                copies("Crop Circle", "mem-crop", "training images cropped and rescaled", 1.0, Alterations::crop),
                copies("Jitter Bug", "mem-jitter", "training images with colour jitter", 1.0, Alterations::jitter),
                copies("Lossy Lads", "mem-jpeg", "training images with JPEG artefacts", 1.0,
                        (i, r) -> Alterations.jpeg(i, 0.3f)),
                copies("Half Baked", "partial-50", "50 % flipped training images, 50 % novel", 0.5,
                        (i, r) -> Alterations.flip(i)),
                copies("Sneaky Third", "partial-30", "30 % jittered training images, 70 % novel", 0.3,
                        Alterations::jitter),
                copies("Tenth Man", "partial-10", "10 % training images, 90 % novel", 0.1, NONE));
    }

    private static DemoTeam novel(String team, String description, boolean otherStyle, Alteration alteration) {
        return new DemoTeam(team, "non-mem", description, 0, NONE, otherStyle, alteration);
    }

    private static DemoTeam copies(String team, String label, String description, double fraction,
                                   Alteration alteration) {
        return new DemoTeam(team, label, description, fraction, alteration, false, NONE);
    }
}
