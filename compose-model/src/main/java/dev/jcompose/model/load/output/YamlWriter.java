package dev.jcompose.model.load.output;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a tree as {@code docker compose config} prints YAML: two-space indentation, sequence items
 * indented under their key, mappings in the tree's order, strings quoted only where a plain scalar
 * would read back as something else (numbers, booleans, null, YAML 1.1 booleans, special first
 * characters, {@code ": "}, {@code " #"}, surrounding blanks, newlines).
 */
public final class YamlWriter {
    private static final Set<String> YAML11_WORDS = Set.of("y", "yes", "n", "no", "on", "off", "true", "false", "null", "~");

    private YamlWriter() {
    }

    public static String write(YNode root) {
        StringBuilder sb = new StringBuilder();
        if (root instanceof YMap m) {
            mapping(sb, m, 0);
        } else if (root instanceof YSeq s) {
            sequence(sb, s, 0);
        } else {
            sb.append(scalar((YScalar) root)).append('\n');
        }
        return sb.toString();
    }

    private static void mapping(StringBuilder sb, YMap m, int indent) {
        for (var e : m.entries().entrySet()) {
            sb.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            value(sb, e.getValue(), indent);
        }
    }

    private static void sequence(StringBuilder sb, YSeq s, int indent) {
        for (YNode item : s.items()) {
            sb.append(" ".repeat(indent)).append("- ");
            if (item instanceof YMap m && !m.entries().isEmpty()) {
                boolean first = true;
                for (var e : m.entries().entrySet()) {
                    if (!first) {
                        sb.append(" ".repeat(indent + 2));
                    }
                    first = false;
                    sb.append(key(e.getKey())).append(':');
                    value(sb, e.getValue(), indent + 2);
                }
            } else if (item instanceof YSeq inner && !inner.items().isEmpty()) {
                sb.append('\n');
                sequence(sb, inner, indent + 2);
            } else {
                sb.append(inline(item)).append('\n');
            }
        }
    }

    private static void value(StringBuilder sb, YNode v, int indent) {
        if (v instanceof YMap m && !m.entries().isEmpty()) {
            sb.append('\n');
            mapping(sb, m, indent + 2);
        } else if (v instanceof YSeq s && !s.items().isEmpty()) {
            sb.append('\n');
            sequence(sb, s, indent + 2);
        } else {
            sb.append(' ').append(inline(v)).append('\n');
        }
    }

    private static String inline(YNode n) {
        if (n instanceof YMap) {
            return "{}";
        }
        if (n instanceof YSeq) {
            return "[]";
        }
        return scalar((YScalar) n);
    }

    private static String key(String k) {
        return needsQuotes(k) ? quote(k) : k;
    }

    static String scalar(YScalar s) {
        return switch (s.kind()) {
            case NULL -> "null";
            case BOOL, INT, FLOAT -> s.text();
            case STRING -> needsQuotes(s.text()) ? quote(s.text()) : s.text();
        };
    }

    private static boolean needsQuotes(String t) {
        if (t.isEmpty() || YScalar.plain(t, null).kind() != YScalar.Kind.STRING || YAML11_WORDS.contains(t.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (t.matches("^[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?$") || t.matches("^[-+]?\\.[0-9]+$")
                || t.matches("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$") || t.matches("^[-+]?0[xob][0-9a-fA-F_]+$")
                || t.matches("^[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)$")) {
            return true;
        }
        char c = t.charAt(0);
        if ("?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0 || (c == '-' && (t.length() == 1 || t.charAt(1) == ' '))) {
            return true;
        }
        return t.contains(": ") || t.contains(" #") || t.endsWith(":") || t.startsWith(" ") || t.endsWith(" ")
                || t.indexOf('\n') >= 0 || t.indexOf('\t') >= 0 || t.chars().anyMatch(ch -> ch < 0x20);
    }

    private static String quote(String t) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : t.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
