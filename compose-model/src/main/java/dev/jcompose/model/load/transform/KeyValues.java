package dev.jcompose.model.load.transform;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code KEY=VALUE} lists and mappings (environment, labels, annotations, sysctls) as one mapping
 * of strings. {@code KEY} alone (or a null value) stays null: for environment it means "take it from
 * the compose environment", resolved by the normaliser.
 */
final class KeyValues {
    private KeyValues() {
    }

    static YMap toMap(YNode v, String path, boolean environment) {
        Map<String, YNode> out = new LinkedHashMap<>();
        if (v instanceof YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YScalar s = Nodes.asScalar(seq.items().get(i), path + "[" + i + "]");
                String t = s.text();
                int eq = t.indexOf('=');
                if (eq == 0) {
                    throw new ComposeException(s.mark(), path + "[" + i + "]", "\"" + t + "\" has an empty name");
                }
                out.put(eq < 0 ? t : t.substring(0, eq), eq < 0 ? Nodes.nul(s.mark()) : Nodes.str(t.substring(eq + 1), s.mark()));
            }
            return Nodes.map(out, seq.mark()).withTag(seq.tag());
        }
        YMap m = Nodes.asMap(v, path);
        for (var e : m.entries().entrySet()) {
            YNode val = e.getValue();
            if (val instanceof YScalar s) {
                out.put(e.getKey(), s.isNull() ? s : Nodes.str(s.text(), s.mark()));
            } else {
                throw new ComposeException(val.mark(), path + "." + e.getKey(), "must be a string, number, boolean or null, not a "
                        + val.kindName());
            }
        }
        return new YMap(out, m.keyMarks(), m.mark(), m.tag());
    }
}
