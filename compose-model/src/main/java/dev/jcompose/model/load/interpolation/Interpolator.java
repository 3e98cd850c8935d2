package dev.jcompose.model.load.interpolation;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * docker compose's variable substitution: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alternate}},
 * {@code ${VAR+alternate}} with nested substitutions in the default, alternate and error parts,
 * and {@code $$} for a literal dollar. A {@code $} that starts no variable ({@code $(cmd)}, {@code $1})
 * is kept as written, as compose-go does; a malformed {@code ${…}} is an error. Unset
 * variables without a default become "" and are reported to the warning sink once each.
 *
 * <p>Entry points: {@link #substitute} for one string, {@link #interpolate} for a whole tree (values
 * only, never keys; a string becomes a number or boolean only where compose-go casts, see {@link Casts}).
 */
public final class Interpolator {
    private final Function<String, Optional<String>> lookup;
    private final Consumer<String> unsetWarning;

    /**
     * @param lookup       the variables (process environment over .env, as the caller merged them)
     * @param unsetWarning receives the names of variables used while unset (may be called more than once per name)
     */
    public Interpolator(Function<String, Optional<String>> lookup, Consumer<String> unsetWarning) {
        this.lookup = lookup;
        this.unsetWarning = unsetWarning;
    }

    /** One string, no unset-variable warnings: {@code new Interpolator(lookup, n -> {}).substitute(...)}. */
    public static String substitute(String template, Function<String, Optional<String>> lookup, Mark mark, String path) {
        return new Interpolator(lookup, name -> { }).substitute(template, mark, path);
    }

    /** A whole tree, no unset-variable warnings; {@code path} is the YAML path of {@code root} ("" for a document). */
    public static YNode interpolate(YNode root, Function<String, Optional<String>> lookup, String path) {
        return new Interpolator(lookup, name -> { }).interpolate(root, path);
    }

    /** Substitutes variables in {@code template}; errors name {@code mark} and {@code path}. */
    public String substitute(String template, Mark mark, String path) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        try {
            return new Parser(template).run();
        } catch (TemplateError e) {
            String reason = e.getMessage() != null ? e.getMessage()
                    : "invalid interpolation format for " + (path.isEmpty() ? "value" : path) + ": \"" + template
                            + "\" (you may need to escape any $ with another $)";
            throw new ComposeException(mark, path, reason);
        }
    }

    /** The tree with every scalar value substituted. */
    public YNode interpolate(YNode node, String path) {
        return interpolate(node, path, path.isEmpty() ? List.of() : List.of(path.split("\\.")));
    }

    /**
     * {@code segments}: the keys from the root, {@code []} for a list index. A string is re-typed (to a
     * number or boolean its text spells) only where compose-go casts ({@link Casts}); elsewhere an
     * interpolated value stays a string, never null: "" stays a string.
     */
    private YNode interpolate(YNode node, String path, List<String> segments) {
        if (node instanceof YScalar s) {
            if (s.kind() != YScalar.Kind.STRING) {
                return s;
            }
            String out = s.text().indexOf('$') < 0 ? s.text() : substitute(s.text(), s.mark(), path);
            if (Casts.applies(segments) && s.retyped(out).kind() != YScalar.Kind.NULL) {
                return s.retyped(out);
            }
            return out.equals(s.text()) ? s : s.withText(out);
        }
        if (node instanceof YSeq q) {
            List<YNode> items = new ArrayList<>(q.items().size());
            List<String> itemSegments = append(segments, "[]");
            for (int i = 0; i < q.items().size(); i++) {
                items.add(interpolate(q.items().get(i), path + "[" + i + "]", itemSegments));
            }
            return new YSeq(items, q.mark(), q.tag());
        }
        YMap m = (YMap) node;
        Map<String, YNode> entries = new LinkedHashMap<>();
        for (var e : m.entries().entrySet()) {
            entries.put(e.getKey(), interpolate(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    append(segments, e.getKey())));
        }
        return new YMap(entries, m.keyMarks(), m.mark(), m.tag());
    }

    private static List<String> append(List<String> segments, String next) {
        List<String> out = new ArrayList<>(segments.size() + 1);
        out.addAll(segments);
        out.add(next);
        return out;
    }

    /** A template problem; a null message means the template is malformed (the caller words it with the path). */
    private static final class TemplateError extends RuntimeException {
        TemplateError(String message) {
            super(message);
        }
    }

    /** A recursive-descent parser over one template string. */
    private final class Parser {
        private final String template;
        private int pos;

        Parser(String template) {
            this.template = template;
        }

        String run() {
            String out = until(-1);
            return out;
        }

        /** Parses text up to {@code stop} (a '}' closing a braced expression) or the end when stop is -1. */
        private String until(int stop) {
            StringBuilder sb = new StringBuilder();
            while (pos < template.length()) {
                char c = template.charAt(pos);
                if (stop >= 0 && c == stop) {
                    return sb.toString();
                }
                if (c != '$') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                sb.append(dollar());
            }
            if (stop >= 0) {
                throw invalid();
            }
            return sb.toString();
        }

        private String dollar() {
            int start = pos;
            pos++;
            if (pos >= template.length()) {
                return "$";
            }
            char c = template.charAt(pos);
            if (c == '$') {
                pos++;
                return "$";
            }
            if (c == '{') {
                pos++;
                return braced(start);
            }
            String name = name();
            if (name.isEmpty()) {
                return "$"; // compose-go keeps a $ that starts no variable: $(cmd), $1, "$ " stay as written
            }
            return valueOrBlank(name);
        }

        private String braced(int start) {
            String name = name();
            if (name.isEmpty() || pos >= template.length()) {
                throw invalid();
            }
            char c = template.charAt(pos);
            if (c == '}') {
                pos++;
                return valueOrBlank(name);
            }
            boolean colon = c == ':';
            if (colon) {
                pos++;
                if (pos >= template.length()) {
                    throw invalid();
                }
                c = template.charAt(pos);
            }
            if (c != '-' && c != '?' && c != '+') {
                throw invalid();
            }
            pos++;
            Optional<String> value = lookup.apply(name);
            boolean set = value.isPresent() && (!colon || !value.get().isEmpty());
            String operand = until('}');
            pos++;
            switch (c) {
                case '-' -> {
                    return set ? value.get() : operand;
                }
                case '+' -> {
                    return set ? operand : "";
                }
                default -> {
                    if (!set) {
                        throw new TemplateError("required variable " + name + " is missing a value"
                                + (operand.isEmpty() ? "" : ": " + operand));
                    }
                    return value.get();
                }
            }
        }

        private String name() {
            int start = pos;
            while (pos < template.length()) {
                char c = template.charAt(pos);
                boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (pos > start && c >= '0' && c <= '9');
                if (!ok) {
                    break;
                }
                pos++;
            }
            return template.substring(start, pos);
        }

        private String valueOrBlank(String name) {
            Optional<String> v = lookup.apply(name);
            if (v.isEmpty()) {
                unsetWarning.accept(name);
                return "";
            }
            return v.get();
        }

        private TemplateError invalid() {
            return new TemplateError(null);
        }
    }
}
