package org.mifid.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.mifid.workbench.core.BankPrompt;

/** The competition's public prompt bank and its embeddings, stored once when the competition is created. */
final class BankRecords {
    private final SqliteDatabase db;

    BankRecords(SqliteDatabase db) {
        this.db = db;
    }

    void add(List<BankPrompt> prompts) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bank_prompt(id, text, vector) VALUES (?, ?, ?)")) {
                for (BankPrompt prompt : prompts) {
                    ps.setString(1, prompt.id());
                    ps.setString(2, prompt.text());
                    ps.setBytes(3, BlobCodec.floats(prompt.vector()));
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    /** Every bank prompt, by id, so a search over them breaks ties the same way on every platform. */
    List<BankPrompt> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, text, vector FROM bank_prompt ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                List<BankPrompt> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new BankPrompt(rs.getString("id"), rs.getString("text"),
                            BlobCodec.floats(rs.getBytes("vector"))));
                }
                return out;
            }
        });
    }
}
