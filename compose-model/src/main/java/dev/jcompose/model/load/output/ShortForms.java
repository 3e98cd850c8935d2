package dev.jcompose.model.load.output;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few values compose-go prints in a short form the normalised tree does not keep: a ulimit
 * written as one number ({@code nproc: 65535}) is held as {@code {soft: n, hard: n}} for the binder
 * and printed (and hashed) as the number again, as compose-go's {@code UlimitsConfig.Single}. The
 * long-form step builds such entries with every value at the entry's own mark, which is how they
 * are told apart from a written {@code {soft: n, hard: n}}.
 */
final class ShortForms {
    private ShortForms() {
    }

    static YMap project(YMap tree) {
        if (!(tree.get("services") instanceof YMap services)) {
            return tree;
        }
        Map<String, YNode> out = new LinkedHashMap<>();
        services.entries().forEach((k, v) -> out.put(k, v instanceof YMap s ? service(s) : v));
        return tree.with("services", new YMap(out, services.keyMarks(), services.mark(), services.tag()));
    }

    static YMap service(YMap s) {
        if (!(s.get("ulimits") instanceof YMap ulimits)) {
            return s;
        }
        YMap out = ulimits;
        for (var e : ulimits.entries().entrySet()) {
            if (e.getValue() instanceof YMap u && u.entries().size() == 2 && u.get("soft") instanceof YScalar soft
                    && u.get("hard") instanceof YScalar hard && soft.text().equals(hard.text()) && u.mark() != null
                    && u.mark().equals(soft.mark()) && u.mark().equals(hard.mark())) {
                out = out.with(e.getKey(), soft);
            }
        }
        return s.with("ulimits", out);
    }
}
