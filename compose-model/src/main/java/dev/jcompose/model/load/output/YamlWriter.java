package dev.jcompose.model.load.output;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a tree as {@code docker compose config} prints YAML (go-yaml v3 with two-space indentation):
 * sequence items indented under their key, mappings in the tree's order (the normaliser puts them in
 * compose-go's order), strings quoted only where go-yaml quotes them (see {@code flowScalar}), and
 * multi-line strings as literal blocks.
 */
public final class YamlWriter {
    private static final Set<String> YAML11_WORDS = Set.of("y", "yes", "n", "no", "on", "off", "true", "false", "null", "~");
    private static final String NUMBERISH = "+-.0123456789";
    /** Numbers and timestamps go-yaml reads (underscores, base prefixes, YAML 1.1 base 60, inf/nan, dates) that YAML 1.2's core schema would not. */
    private static final Pattern OTHER_TYPE = Pattern.compile("[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+"
            + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|[-+]?0[xob][0-9a-fA-F_]+|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?(Z|[-+][0-9]{1,2}(:[0-9]{2})?)?)?");

    private YamlWriter() {
    }

    /** The YAML text of a tree; a normalised project is printed with compose-go's short forms ({@link ShortForms}). */
    public static String write(YNode root) {
        StringBuilder sb = new StringBuilder();
        if (root instanceof YMap m) {
            mapping(sb, ShortForms.project(m), 0);
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
            } else if (item instanceof YScalar sc && sc.kind() == YScalar.Kind.STRING && sc.text().indexOf('\n') >= 0) {
                sb.append(literal(sc.text(), indent + 2)).append('\n');
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
        } else if (v instanceof YScalar sc && sc.kind() == YScalar.Kind.STRING && sc.text().indexOf('\n') >= 0) {
            sb.append(' ').append(literal(sc.text(), indent + 2)).append('\n');
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
        return k.indexOf('\n') >= 0 ? doubleQuoted(k) : flowScalar(k);
    }

    static String scalar(YScalar s) {
        return switch (s.kind()) {
            case NULL -> "null";
            case BOOL, INT -> String.valueOf(s.value()); // go-yaml prints true/false and decimal integers
            case FLOAT -> s.text();
            case STRING -> flowScalar(s.text());
        };
    }

    /**
     * A string on one line as go-yaml v3 writes it: double-quoted when it would read back as
     * another type (number, bool including YAML 1.1's yes/no/on/off, null, base-60 number) or is
     * empty; single-quoted when a plain scalar cannot hold it (indicator first, {@code ": "},
     * {@code " #"}, surrounding blanks); double-quoted when it holds control characters; else plain.
     */
    private static String flowScalar(String t) {
        if (t.isEmpty() || readsAsOtherType(t)) {
            return doubleQuoted(t);
        }
        if (t.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f) ) {
            return doubleQuoted(t);
        }
        return plainAllowed(t) ? t : "'" + t.replace("'", "''") + "'";
    }

    private static boolean readsAsOtherType(String t) {
        return YScalar.plain(t, null).kind() != YScalar.Kind.STRING || YAML11_WORDS.contains(t.toLowerCase(Locale.ROOT))
                || (NUMBERISH.indexOf(t.charAt(0)) >= 0 && OTHER_TYPE.matcher(t).matches());
    }

    /** libyaml's rules for a plain scalar in block context. */
    private static boolean plainAllowed(String t) {
        if (t.startsWith("---") || t.startsWith("...") || t.startsWith(" ") || t.endsWith(" ")) {
            return false;
        }
        char c = t.charAt(0);
        boolean spaceAfterFirst = t.length() == 1 || t.charAt(1) == ' ';
        if (",[]{}#&*!|>'\"%@`".indexOf(c) >= 0 || ("-?:".indexOf(c) >= 0 && spaceAfterFirst)) {
            return false;
        }
        return !(t.contains(": ") || t.contains(" #") || t.endsWith(":"));
    }

    /** A multi-line string as a literal block ({@code |}, {@code |-}, {@code |+}) indented under its key. */
    private static String literal(String t, int indent) {
        if (t.lines().anyMatch(l -> l.endsWith(" ") || l.endsWith("\t")) || t.chars().anyMatch(ch -> ch < 0x20 && ch != '\n')) {
            return doubleQuoted(t);
        }
        String chomp = t.endsWith("\n\n") ? "+" : t.endsWith("\n") ? "" : "-";
        String head = "|" + (t.startsWith(" ") ? "2" : "") + chomp;
        StringBuilder sb = new StringBuilder(head);
        String body = t.endsWith("\n") ? t.substring(0, t.length() - 1) : t;
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) {
                sb.append(" ".repeat(indent)).append(line);
            }
        }
        return sb.toString();
    }

    private static String doubleQuoted(String t) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : t.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
