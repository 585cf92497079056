package org.mifid.workbench.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;

/**
 * The {@code measures} object of {@code score --json}, keyed by measure id, each
 * {@code {"value": number|null, "higher_is_suspicious": bool}} with a {@code reason} where the value is null,
 * and the same measures as text lines.
 */
final class MeasuresJson {
    private MeasuresJson() {
    }

    static ObjectNode of(MeasureValues values) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Measure m : Measure.values()) {
            ObjectNode e = o.putObject(m.id());
            Double v = values.value(m);
            if (v == null) {
                e.putNull("value");
            } else {
                e.put("value", v);
            }
            e.put("higher_is_suspicious", m.higherIsSuspicious());
            if (v == null) {
                e.put("reason", values.reason(m));
            }
        }
        return o;
    }

    static void printText(PrintWriter out, MeasureValues values) {
        for (Measure m : Measure.values()) {
            Double v = values.value(m);
            out.printf(Locale.ROOT, "%-30s %s%n", m.label(),
                    v == null ? "n/a (" + values.reason(m) + ")" : String.format(Locale.ROOT, "%.6f", v));
        }
    }
}
