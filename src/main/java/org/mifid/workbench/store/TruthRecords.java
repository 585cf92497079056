package org.mifid.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.TruthItem;

/** The competition's hidden items (prompts and their embeddings), stored once when the competition is created. */
final class TruthRecords {
    private final SqliteDatabase db;

    TruthRecords(SqliteDatabase db) {
        this.db = db;
    }

    void add(List<TruthItem> items) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO truth_item(id, leaderboard, text, vector) VALUES (?, ?, ?, ?)")) {
                for (TruthItem item : items) {
                    ps.setString(1, item.id());
                    ps.setString(2, item.board().id());
                    ps.setString(3, item.text());
                    ps.setBytes(4, item.vector() == null ? null : BlobCodec.floats(item.vector()));
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    /** Every item, by id: the order a split and a score read them in, the same on every platform. */
    List<TruthItem> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, leaderboard, text, vector FROM truth_item ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                List<TruthItem> out = new ArrayList<>();
                while (rs.next()) {
                    byte[] vector = rs.getBytes("vector");
                    out.add(new TruthItem(rs.getString("id"), Board.parse(rs.getString("leaderboard")),
                            rs.getString("text"), vector == null ? null : BlobCodec.floats(vector)));
                }
                return out;
            }
        });
    }
}
