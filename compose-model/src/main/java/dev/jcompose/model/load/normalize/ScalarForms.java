package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of a service that compose-go stores in typed fields and therefore prints in one form:
 * secret/config and tmpfs {@code mode} as a decimal number (octal when written {@code 0440}, {@code 0o440} or
 * as a string), {@code cpus} as a number ({@code "0.5"} → {@code 0.5}), {@code extra_hosts}
 * ({@link ExtraHosts}), and {@code volume: {}} on volumes written in short syntax.
 */
final class ScalarForms {
    private ScalarForms() {
    }

    static YMap normalize(YMap s, String path) {
        YMap out = s;
        for (String k : List.of("secrets", "configs")) {
            out = eachMap(out, k, (m, p) -> m.get("mode") instanceof YScalar v && !v.isNull()
                    ? m.with("mode", Nodes.num(mode(v, p + ".mode"), v.mark())) : m, path);
        }
        if (out.get("build") instanceof YMap b) {
            out = out.with("build", eachMap(b, "secrets", (m, p) -> m.get("mode") instanceof YScalar v && !v.isNull()
                    ? m.with("mode", Nodes.num(mode(v, p + ".mode"), v.mark())) : m, path + ".build"));
        }
        out = cpus(out, path);
        if (out.get("deploy") instanceof YMap d && d.get("resources") instanceof YMap r) {
            YMap nr = r;
            for (String k : List.of("limits", "reservations")) {
                if (r.get(k) instanceof YMap lim) {
                    nr = nr.with(k, cpus(lim, path + ".deploy.resources." + k));
                }
            }
            out = out.with("deploy", d.with("resources", nr));
        }
        out = ExtraHosts.normalize(out, path);
        out = eachMap(out, "volumes", (m, p) -> m.get("tmpfs") instanceof YMap t && t.get("mode") instanceof YScalar v && !v.isNull()
                ? m.with("tmpfs", t.with("mode", Nodes.num(mode(v, p + ".tmpfs.mode"), v.mark()))) : m, path);
        return eachMap(out, "volumes", (m, p) -> "volume".equals(text(m, "type")) && !m.has("volume") && fromShortSyntax(m)
                ? m.with("volume", YMap.empty(m.mark())) : m, path);
    }

    interface MapFn {
        YMap apply(YMap m, String path);
    }

    private static YMap eachMap(YMap s, String key, MapFn fn, String path) {
        if (!(s.get(key) instanceof YSeq seq)) {
            return s;
        }
        List<YNode> items = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YNode n = seq.items().get(i);
            items.add(n instanceof YMap m ? fn.apply(m, path + "." + key + "[" + i + "]") : n);
        }
        return s.with(key, new YSeq(items, seq.mark(), seq.tag()));
    }

    /** A file mode: YAML octal ({@code 0440}, {@code 0o440}) or a string read as octal, else decimal. */
    static long mode(YScalar v, String path) {
        String t = v.text().strip();
        try {
            if (t.startsWith("0o") || t.startsWith("0O")) {
                return Long.parseLong(t.substring(2), 8);
            }
            if (v.kind() == YScalar.Kind.STRING || t.length() > 1 && t.startsWith("0")) {
                return Long.parseLong(t, 8);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ComposeException(v.mark(), path, "invalid file mode \"" + v.text() + "\": use an octal number such as 0440");
        }
    }

    private static YMap cpus(YMap m, String path) {
        if (!(m.get("cpus") instanceof YScalar v) || v.isNull()) {
            return m;
        }
        float f;
        try {
            f = Float.parseFloat(v.text().strip());
        } catch (NumberFormatException e) {
            f = Float.NaN;
        }
        if (!Float.isFinite(f)) {
            throw new ComposeException(v.mark(), path + ".cpus", "invalid cpus \"" + v.text() + "\": use a number such as 0.5");
        }
        String text = new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
        return m.with("cpus", new YScalar(text, text.contains(".") ? YScalar.Kind.FLOAT : YScalar.Kind.INT, v.mark(), v.tag(), true));
    }

    /** Short-syntax entries are built by the long-form step with every value at the entry's own mark. */
    private static boolean fromShortSyntax(YMap m) {
        return m.entries().values().stream().allMatch(n -> n.mark() == null || n.mark().equals(m.mark()));
    }

    private static String text(YMap m, String key) {
        return m.get(key) instanceof YScalar s && !s.isNull() ? s.text() : "";
    }

}
