package dev.jcompose.model.load.output;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.regex.Pattern;

/**
 * A tree encoded as Go's {@code encoding/json} encodes it: keys in the tree's order, {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code \u003c} …, control characters as
 * {@code \n}, {@code \t}, {@code \u0001}; compact ({@code json.Marshal}) or indented with two spaces
 * ({@code json.MarshalIndent(v, "", "  ")}, empty containers as {@code {}} and {@code []}).
 */
final class GoJson {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final StringBuilder sb = new StringBuilder();
    private final boolean indent;

    private GoJson(boolean indent) {
        this.indent = indent;
    }

    static String compact(YNode n) {
        GoJson g = new GoJson(false);
        g.value(n, 0);
        return g.sb.toString();
    }

    static String indented(YNode n) {
        GoJson g = new GoJson(true);
        g.value(n, 0);
        return g.sb.toString();
    }

    private void value(YNode n, int depth) {
        if (n instanceof YMap m) {
            if (m.entries().isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (var e : m.entries().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(depth + 1);
                string(e.getKey());
                sb.append(indent ? ": " : ":");
                value(e.getValue(), depth + 1);
            }
            newline(depth);
            sb.append('}');
        } else if (n instanceof YSeq s) {
            if (s.items().isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < s.items().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(depth + 1);
                value(s.items().get(i), depth + 1);
            }
            newline(depth);
            sb.append(']');
        } else {
            scalar((YScalar) n);
        }
    }

    private void scalar(YScalar s) {
        switch (s.kind()) {
            case NULL -> sb.append("null");
            case BOOL -> sb.append(s.value());
            case INT, FLOAT -> {
                String t = s.text().replace("_", "");
                sb.append(JSON_NUMBER.matcher(t).matches() ? t : numberText(s));
            }
            case STRING -> string(s.text());
        }
    }

    private static String numberText(YScalar s) {
        Object v = s.value();
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private void newline(int depth) {
        if (indent) {
            sb.append('\n').append("  ".repeat(depth));
        }
    }

    private void string(String t) {
        sb.append('"');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
