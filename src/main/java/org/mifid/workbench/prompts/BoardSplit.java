package org.mifid.workbench.prompts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.Board;

/**
 * The deterministic public/private split of a competition's images: each id's place comes from SHA-256 of the
 * seed and the id, so the split depends on the ids, the fraction and the seed only (not on file order, not on
 * the platform), and the same id always lands on the same board for the same seed.
 */
public final class BoardSplit {
    private BoardSplit() {
    }

    public static Map<String, Board> assign(Collection<String> ids, double publicFraction, long seed) {
        if (!(publicFraction > 0 && publicFraction < 1)) {
            throw new IllegalArgumentException("public fraction must be between 0 and 1, got " + publicFraction);
        }
        List<String> order = new ArrayList<>(ids);
        Map<String, String> keys = new HashMap<>(order.size() * 2);
        for (String id : order) {
            keys.put(id, hash(seed + ":" + id));
        }
        order.sort(Comparator.comparing((String id) -> keys.get(id)).thenComparing(Comparator.naturalOrder()));
        int publicCount = (int) Math.round(publicFraction * order.size());
        Map<String, Board> boards = new HashMap<>(order.size() * 2);
        for (int i = 0; i < order.size(); i++) {
            boards.put(order.get(i), i < publicCount ? Board.PUBLIC : Board.PRIVATE);
        }
        return boards;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
