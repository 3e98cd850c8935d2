package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle hooks of a service ({@code pre_start}, {@code post_start}, {@code pre_stop}) in
 * compose-go's typed form: {@code privileged} and {@code per_replica} are booleans ({@code "true"}
 * written as a string becomes {@code true}) and vanish when false, as compose-go's {@code omitempty}
 * fields do.
 */
final class Hooks {
    static final List<String> KEYS = List.of("pre_start", "post_start", "pre_stop");
    private static final List<String> FLAGS = List.of("privileged", "per_replica");

    private Hooks() {
    }

    static YMap normalize(YMap s, String path) {
        YMap out = s;
        for (String key : KEYS) {
            if (!(s.get(key) instanceof YSeq hooks)) {
                continue;
            }
            List<YNode> items = new ArrayList<>();
            for (int i = 0; i < hooks.items().size(); i++) {
                YNode n = hooks.items().get(i);
                items.add(n instanceof YMap h ? flags(h, path + "." + key + "[" + i + "]") : n);
            }
            out = out.with(key, new YSeq(items, hooks.mark(), hooks.tag()));
        }
        return out;
    }

    private static YMap flags(YMap h, String path) {
        YMap out = h;
        for (String flag : FLAGS) {
            if (!(h.get(flag) instanceof YScalar v) || v.isNull()) {
                continue;
            }
            String t = v.text().strip().toLowerCase(java.util.Locale.ROOT);
            boolean value = switch (t) {
                case "true", "1", "t" -> true;
                case "false", "0", "f" -> false;
                default -> throw new ComposeException(v.mark(), path + "." + flag, "invalid boolean \"" + v.text() + "\": use true or false");
            };
            out = value ? out.with(flag, Nodes.bool(true, v.mark())) : out.without(flag);
        }
        return out;
    }
}
