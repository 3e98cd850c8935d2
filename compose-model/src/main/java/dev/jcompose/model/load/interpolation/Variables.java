package dev.jcompose.model.load.interpolation;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variables a tree uses, for {@code config --variables}: every {@code $NAME} and {@code ${NAME…}}
 * in string values (nested ones in defaults and alternates too), with the default ({@code -}/{@code :-}),
 * the alternate ({@code +}/{@code :+}) and whether it is required ({@code ?}/{@code :?}), as compose-go's
 * {@code template.ExtractVariables}. Malformed templates are skipped here; {@link Interpolator} reports them.
 */
public final class Variables {
    /** One variable; defaultValue and alternateValue are the raw text after the operator, or null. */
    public record Variable(String name, boolean required, String defaultValue, String alternateValue) {
    }

    private Variables() {
    }

    /** The variables of every string value under {@code root}, sorted by name; the first use of a name wins. */
    public static Map<String, Variable> of(YNode root) {
        Map<String, Variable> out = new TreeMap<>();
        collect(root, out);
        return out;
    }

    /** The variables of one template string, sorted by name. */
    public static Map<String, Variable> of(String template) {
        Map<String, Variable> out = new TreeMap<>();
        scan(template, out);
        return out;
    }

    private static void collect(YNode node, Map<String, Variable> out) {
        if (node instanceof YScalar s) {
            if (s.kind() == YScalar.Kind.STRING) {
                scan(s.text(), out);
            }
        } else if (node instanceof YSeq q) {
            q.items().forEach(i -> collect(i, out));
        } else if (node instanceof YMap m) {
            m.entries().values().forEach(v -> collect(v, out));
        }
    }

    private static void scan(String t, Map<String, Variable> out) {
        int i = 0;
        while (i < t.length()) {
            if (t.charAt(i) != '$' || i + 1 >= t.length()) {
                i++;
                continue;
            }
            char c = t.charAt(i + 1);
            if (c == '$') {
                i += 2;
            } else if (c == '{') {
                i = braced(t, i + 2, out);
            } else {
                int end = nameEnd(t, i + 1);
                if (end > i + 1) {
                    out.putIfAbsent(t.substring(i + 1, end), new Variable(t.substring(i + 1, end), false, null, null));
                }
                i = Math.max(end, i + 1);
            }
        }
    }

    /** Scans {@code ${…}} whose name starts at {@code start}; returns the index after the closing brace. */
    private static int braced(String t, int start, Map<String, Variable> out) {
        int end = nameEnd(t, start);
        int close = closing(t, end);
        if (end == start || close < 0) {
            return start;
        }
        String name = t.substring(start, end);
        String rest = t.substring(end, close);
        Variable v;
        String inner = null;
        if (rest.isEmpty()) {
            v = new Variable(name, false, null, null);
        } else {
            int op = rest.startsWith(":") ? 2 : 1;
            inner = rest.length() >= op ? rest.substring(op) : "";
            char kind = rest.charAt(op - 1);
            v = switch (kind) {
                case '-' -> new Variable(name, false, inner, null);
                case '+' -> new Variable(name, false, null, inner);
                case '?' -> new Variable(name, true, null, null);
                default -> null;
            };
        }
        if (v != null) {
            out.putIfAbsent(name, v);
            if (inner != null) {
                scan(inner, out);
            }
        }
        return close + 1;
    }

    private static int nameEnd(String t, int start) {
        int i = start;
        while (i < t.length()) {
            char c = t.charAt(i);
            boolean ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The '}' closing a brace opened before {@code from}, counting nested {@code ${}; -1 if none. */
    private static int closing(String t, int from) {
        int depth = 0;
        for (int i = from; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '$' && i + 1 < t.length() && t.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
