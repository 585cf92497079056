package org.mifid.workbench.export;

import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.review.LeaderboardAnalysis;
import org.mifid.workbench.review.MeasureSeparation;
import org.mifid.workbench.review.ThresholdSuggestions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.time.Instant;
import org.mifid.workbench.review.FlagCounts;
import org.mifid.workbench.review.RankAgreement;
import org.mifid.workbench.export.AnnotatedLeaderboard.RankChange;
import org.mifid.workbench.export.AnnotatedLeaderboard.RankedRow;
import org.mifid.workbench.export.AnnotatedLeaderboard.SuspectImage;
import org.mifid.workbench.export.AnnotatedLeaderboard.SuspectStrip;
import org.mifid.workbench.store.ThresholdChange;

/**
 * The same content as the HTML report for other tools: leaderboard, counts, public/private agreement and rank
 * changes, suspicious images (by name, with their nearest training image and distance; no image bytes) and the
 * threshold history. Numbers that are undefined (an AUC without labels) are null.
 */
public final class JsonLeaderboardExport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonLeaderboardExport() {
    }

    public static void write(AnnotatedLeaderboard board, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(board));
    }

    public static ObjectNode toJson(AnnotatedLeaderboard board) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("competition", board.competition());
        root.put("leaderboard", board.leaderboard().id());
        root.put("threshold", board.threshold());
        root.put("generated_at", board.generatedAt().toString());
        root.put("disqualified_score", Verdict.DISQUALIFIED_SCORE);
        ObjectNode counts = root.putObject("counts");
        counts.put("threshold", board.threshold());
        putCounts(counts, board.analysis().counts());
        number(root, "auc", board.analysis().auc());

        ArrayNode rows = root.putArray("rows");
        for (RankedRow r : board.rows()) {
            ObjectNode o = rows.addObject();
            o.put("rank", r.rank());
            o.put("team", r.submission().team());
            o.put("submission_id", r.submission().externalId());
            o.put("workspace_id", r.submission().id());
            number(o, "score", r.kaggleScore());
            o.put("submitted_at", instant(r.submission().submittedAt()));
            number(o, "fid", r.score().fid());
            number(o, "distance", r.score().distance());
            number(o, "thresholded_distance", r.penalised() ? r.score().distance() : 1.0);
            number(o, "mifid", r.mifid());
            o.put("penalised", r.penalised());
            o.put("disqualified", r.disqualified());
            o.put("label", r.submission().label());
            o.put("verdict", r.currentVerdict().label());
            o.put("note", r.verdict() == null ? null : r.verdict().note());
            o.put("reviewer", r.verdict() == null ? null : r.verdict().reviewer());
            o.put("reviewed_at", r.verdict() == null ? null : instant(r.verdict().decidedAt()));
            ObjectNode measures = o.putObject("measures");
            MeasureValues values = board.measures(r);
            for (Measure m : Measure.values()) {
                Double v = values == null ? null : values.value(m);
                if (v == null) {
                    measures.putNull(m.id());
                } else {
                    measures.put(m.id(), v);
                }
            }
        }
        root.set("measures", measuresJson(board.separations()));

        ObjectNode comparison = root.putObject("public_private");
        putAgreement(comparison.putObject("fid_agreement"), board.analysis().fidAgreement());
        putAgreement(comparison.putObject("score_agreement"), board.analysis().scoreAgreement());
        number(comparison, "top10_fid_overlap", board.analysis().top10Overlap());
        ArrayNode changes = comparison.putArray("rank_changes");
        for (RankChange c : board.rankChanges()) {
            ObjectNode o = changes.addObject();
            o.put("workspace_id", c.submission().id());
            o.put("team", c.submission().team());
            o.put("public_rank", c.publicRank());
            o.put("private_rank", c.privateRank());
            number(o, "public_score", c.publicScore());
            number(o, "private_score", c.privateScore());
        }

        ArrayNode suspects = root.putArray("suspects");
        for (SuspectStrip s : board.suspects()) {
            ObjectNode o = suspects.addObject();
            o.put("workspace_id", s.row().submission().id());
            o.put("team", s.row().submission().team());
            o.put("reason", s.reason());
            o.put("missing", s.missing());
            o.put("reference_set", s.referenceSet() == null ? null : s.referenceSet().name());
            ArrayNode images = o.putArray("images");
            for (SuspectImage i : s.images()) {
                ObjectNode im = images.addObject();
                im.put("row", i.row());
                im.put("image", i.imageName());
                im.put("nearest_train_index", i.trainIndex());
                im.put("nearest_train_image", i.trainName());
                number(im, "distance", i.distance());
            }
        }

        ArrayNode history = root.putArray("threshold_history");
        for (ThresholdChange t : board.thresholdHistory()) {
            ObjectNode o = history.addObject();
            o.put("epsilon", t.epsilon());
            o.put("changed_by", t.changedBy());
            o.put("changed_at", instant(t.changedAt()));
            o.put("note", t.note());
        }
        return root;
    }

    /** Threshold suggestions as {@code analyze --suggest-threshold --json} prints them (null threshold: none). */
    public static ArrayNode suggestionsJson(List<ThresholdSuggestions.Suggestion> suggestions) {
        ArrayNode list = MAPPER.createArrayNode();
        for (ThresholdSuggestions.Suggestion x : suggestions) {
            ObjectNode o = list.addObject();
            o.put("rule", x.rule());
            if (x.applicable()) {
                o.put("threshold", x.threshold());
            } else {
                o.putNull("threshold");
                o.put("reason", x.reason());
            }
            o.put("parameters", x.parameters());
            o.put("flagged", x.flagged());
            o.put("flagged_memorizers", x.flaggedMemorizers());
            o.put("flagged_legitimate", x.flaggedLegitimate());
            o.put("flagged_unjudged", x.flaggedUnjudged());
            o.put("guess", x.guess());
        }
        return list;
    }

    /** analyze's {@code measures}: keyed by "distance" and each measure id, each with its AUC and flag count. */
    public static ObjectNode measuresJson(List<MeasureSeparation> separations) {
        ObjectNode o = MAPPER.createObjectNode();
        for (MeasureSeparation m : separations) {
            ObjectNode q = o.putObject(m.id());
            q.put("label", m.label());
            q.put("higher_is_suspicious", m.higherIsSuspicious());
            number(q, "auc", m.auc());
            if (m.flagLevel().isPresent()) {
                q.put("flag_level", m.flagLevel().getAsDouble());
                q.put("flagged", m.flagged());
            } else {
                q.putNull("flag_level");
                q.putNull("flagged");
            }
            q.put("submissions_with_value", m.withValue());
        }
        return o;
    }

    /**
     * The figures of {@code analyze --json}: counts and AUC at the threshold, then the public/private agreement
     * on FID at the top level, the agreement on MiFID under {@code score_agreement} and the sweep, if any.
     */
    public static ObjectNode analysisJson(LeaderboardAnalysis a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("leaderboard", a.leaderboard().id());
        o.put("eps", a.threshold());
        putCounts(o, a.counts());
        number(o, "auc", a.auc());
        o.put("agreement_on", "fid");
        o.put("paired_submissions", a.fidAgreement().n());
        putAgreementFigures(o, a.fidAgreement());
        number(o, "top10_overlap", a.top10Overlap());
        putAgreementFigures(o.putObject("score_agreement"), a.scoreAgreement());
        if (!a.sweep().isEmpty()) {
            ArrayNode sweep = o.putArray("sweep");
            for (FlagCounts p : a.sweep()) {
                ObjectNode q = sweep.addObject();
                q.put("eps", p.threshold());
                q.put("flagged", p.flagged());
                q.put("flagged_memorizers", p.flaggedMemorizers());
                q.put("flagged_clean", p.flaggedClean());
            }
        }
        return o;
    }

    private static void putCounts(ObjectNode o, FlagCounts c) {
        o.put("submissions", c.submissions());
        o.put("flagged", c.flagged());
        o.put("labelled_memorizers", c.labelledMemorizers());
        o.put("flagged_memorizers", c.flaggedMemorizers());
        o.put("labelled_clean", c.labelledClean());
        o.put("flagged_clean", c.flaggedClean());
    }

    private static void putAgreement(ObjectNode o, RankAgreement a) {
        o.put("n", a.n());
        putAgreementFigures(o, a);
    }

    private static void putAgreementFigures(ObjectNode o, RankAgreement a) {
        number(o, "spearman", a.spearman());
        number(o, "kendall_tau_b", a.kendallTauB());
        number(o, "pearson", a.pearson());
        number(o, "mean_abs_rank_diff", a.meanAbsRankDifference());
    }

    /** JSON has no NaN or infinity: undefined numbers are null. */
    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }

    private static String instant(Instant t) {
        return t == null ? null : t.toString();
    }
}
