package dev.jcompose.model.load.output;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After interpolation a literal {@code $} in a value came from {@code $$}; printed output doubles it
 * again so that what {@code config} prints loads back to the same values.
 */
public final class Dollars {
    private Dollars() {
    }

    public static YNode escape(YNode n) {
        if (n instanceof YScalar s) {
            return s.kind() == YScalar.Kind.STRING && s.text().indexOf('$') >= 0 ? s.withText(s.text().replace("$", "$$")) : s;
        }
        if (n instanceof YSeq q) {
            return new YSeq(q.items().stream().map(Dollars::escape).toList(), q.mark(), q.tag());
        }
        YMap m = (YMap) n;
        Map<String, YNode> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, escape(v)));
        return new YMap(out, m.keyMarks(), m.mark(), m.tag());
    }
}
