package dev.jcompose.model.load.schema;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates a YAML tree against compiled {@link SchemaNode}s with JSON Schema draft 7 semantics,
 * collecting every {@link Violation}; a failed {@code oneOf} contributes its alternatives' violations
 * too (the caller picks the most useful one). YAML scalars have the JSON type the YAML 1.2 core
 * schema gives them; a number with no fractional part is an integer, as draft 7 says.
 */
final class SchemaCheck {
    private final Map<String, SchemaNode> definitions;

    SchemaCheck(Map<String, SchemaNode> definitions) {
        this.definitions = definitions;
    }

    /** Adds the violations of {@code value} (at {@code path}) to {@code out}; returns whether there were none. */
    boolean check(YNode value, SchemaNode schema, List<Object> path, List<Violation> out) {
        int before = out.size();
        if (schema.ref() != null) {
            SchemaNode target = definitions.get(schema.ref());
            if (target == null) {
                throw new IllegalStateException("compose schema: unresolved $ref " + schema.ref());
            }
            check(value, target, path, out);
        }
        String type = jsonType(value);
        if (!schema.types().isEmpty() && !typeMatches(type, value, schema.types())) {
            out.add(new Violation("type", path, null, schema.types(), "must be " + String.join(" or ", schema.types())));
        }
        if (schema.enumValues() != null && schema.enumValues().stream().noneMatch(e -> equal(e, value))) {
            out.add(new Violation("enum", path, null, schema.enumValues().stream().map(SchemaCheck::json).toList(), "not allowed"));
        }
        if (value instanceof YScalar s) {
            scalar(s, type, schema, path, out);
        } else if (value instanceof YMap m) {
            mapping(m, schema, path, out);
        } else if (value instanceof YSeq q) {
            sequence(q, schema, path, out);
        }
        if (!schema.oneOf().isEmpty()) {
            oneOf(value, schema.oneOf(), path, out);
        }
        return out.size() == before;
    }

    private void scalar(YScalar s, String type, SchemaNode schema, List<Object> path, List<Violation> out) {
        if ((type.equals("integer") || type.equals("number")) && (schema.minimum() != null || schema.maximum() != null)) {
            BigDecimal n = decimal(s);
            if (n != null && schema.minimum() != null && n.compareTo(schema.minimum()) < 0) {
                out.add(new Violation("minimum", path, null, List.of(), "must be >= " + schema.minimum().toPlainString()));
            }
            if (n != null && schema.maximum() != null && n.compareTo(schema.maximum()) > 0) {
                out.add(new Violation("maximum", path, null, List.of(), "must be <= " + schema.maximum().toPlainString()));
            }
        }
        if (type.equals("string") && schema.pattern() != null && !schema.pattern().matcher(s.text()).find()) {
            out.add(new Violation("pattern", path, null, List.of(schema.pattern().pattern()), "must match " + schema.pattern().pattern()));
        }
    }

    private void mapping(YMap m, SchemaNode schema, List<Object> path, List<Violation> out) {
        for (String req : schema.required()) {
            if (!m.has(req)) {
                out.add(new Violation("required", path, req, List.of(), "missing required property \"" + req + "\""));
            }
        }
        for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
            String key = e.getKey();
            List<Object> at = append(path, key);
            boolean known = false;
            SchemaNode named = schema.properties().get(key);
            if (named != null) {
                known = true;
                check(e.getValue(), named, at, out);
            }
            for (Map.Entry<Pattern, SchemaNode> p : schema.patternProperties().entrySet()) {
                if (p.getKey().matcher(key).find()) {
                    known = true;
                    check(e.getValue(), p.getValue(), at, out);
                }
            }
            if (!known && schema.additionalForbidden()) {
                out.add(new Violation("additionalProperties", path, key, List.of(),
                        "additional property \"" + key + "\" is not allowed"));
            } else if (!known && schema.additional() != null) {
                check(e.getValue(), schema.additional(), at, out);
            }
        }
    }

    private void sequence(YSeq q, SchemaNode schema, List<Object> path, List<Violation> out) {
        List<YNode> items = q.items();
        if (schema.items() != null) {
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), schema.items(), append(path, i), out);
            }
        }
        if (schema.uniqueItems()) {
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    if (equal(items.get(i), items.get(j))) {
                        out.add(new Violation("uniqueItems", path, null, List.of(), "items at " + i + " and " + j + " are equal"));
                        return;
                    }
                }
            }
        }
    }

    private void oneOf(YNode value, List<SchemaNode> alternatives, List<Object> path, List<Violation> out) {
        List<Violation> failures = new ArrayList<>();
        int matched = 0;
        for (SchemaNode alt : alternatives) {
            if (check(value, alt, path, failures)) {
                matched++;
            }
        }
        if (matched == 0) {
            out.addAll(failures);
            out.add(new Violation("oneOf", path, null, List.of(), "must match one of the allowed forms"));
        } else if (matched > 1) {
            out.add(new Violation("oneOf", path, null, List.of(), "matches more than one of the allowed forms"));
        }
    }

    private static List<Object> append(List<Object> path, Object seg) {
        List<Object> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(seg);
        return out;
    }

    static String jsonType(YNode n) {
        if (n instanceof YMap) {
            return "object";
        }
        if (n instanceof YSeq) {
            return "array";
        }
        return ((YScalar) n).kindName();
    }

    private static boolean typeMatches(String actual, YNode value, List<String> allowed) {
        if (allowed.contains(actual)) {
            return true;
        }
        if (actual.equals("integer") && allowed.contains("number")) {
            return true;
        }
        if (actual.equals("number") && allowed.contains("integer")) {
            BigDecimal d = decimal((YScalar) value);
            return d != null && d.stripTrailingZeros().scale() <= 0;
        }
        return false;
    }

    private static BigDecimal decimal(YScalar s) {
        Object v = s.value();
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return BigDecimal.valueOf(d);
        }
        return null;
    }

    /** JSON equality: same type and value, numbers compared numerically, mappings regardless of key order. */
    static boolean equal(YNode a, YNode b) {
        if (a instanceof YMap ma && b instanceof YMap mb) {
            return ma.entries().size() == mb.entries().size() && ma.entries().entrySet().stream()
                    .allMatch(e -> mb.has(e.getKey()) && equal(e.getValue(), mb.get(e.getKey())));
        }
        if (a instanceof YSeq sa && b instanceof YSeq sb) {
            if (sa.items().size() != sb.items().size()) {
                return false;
            }
            for (int i = 0; i < sa.items().size(); i++) {
                if (!equal(sa.items().get(i), sb.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof YScalar x && b instanceof YScalar y) {
            String tx = jsonType(x);
            String ty = jsonType(y);
            boolean numbers = (tx.equals("integer") || tx.equals("number")) && (ty.equals("integer") || ty.equals("number"));
            if (numbers) {
                BigDecimal dx = decimal(x);
                BigDecimal dy = decimal(y);
                return dx != null && dy != null && dx.compareTo(dy) == 0;
            }
            return tx.equals(ty) && java.util.Objects.equals(x.value(), y.value());
        }
        return false;
    }

    /** A scalar written as JSON ({@code "a"}, {@code 1}, {@code true}, {@code null}). */
    static String json(YScalar s) {
        return switch (s.kind()) {
            case STRING -> "\"" + s.text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case NULL -> "null";
            default -> String.valueOf(s.value());
        };
    }
}
