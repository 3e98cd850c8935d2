package dev.jcompose.model.load.schema;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One compiled JSON Schema (draft 7) node, for the keywords the Compose Specification's schema uses:
 * {@code type}, {@code enum}, {@code minimum}/{@code maximum}, {@code pattern}, {@code properties},
 * {@code patternProperties}, {@code additionalProperties}, {@code required}, {@code items},
 * {@code uniqueItems}, {@code oneOf} and {@code $ref} to {@code #/definitions/…}. Annotations
 * ({@code description}, {@code title}, {@code default}, {@code deprecated}, …) are dropped. A keyword the
 * compiler does not know makes compilation fail, so a newer bundled schema cannot be half-checked.
 *
 * @param types       allowed JSON types in schema order; empty = any
 * @param additional  schema for properties neither named nor matched; {@code null} = allowed freely
 */
record SchemaNode(String ref, List<String> types, List<YScalar> enumValues, BigDecimal minimum, BigDecimal maximum,
                  Pattern pattern, Map<String, SchemaNode> properties, Map<Pattern, SchemaNode> patternProperties,
                  boolean additionalForbidden, SchemaNode additional, List<String> required, SchemaNode items,
                  boolean uniqueItems, List<SchemaNode> oneOf) {

    private static final java.util.Set<String> ANNOTATIONS = java.util.Set.of("description", "title", "default", "deprecated",
            "$schema", "$id", "$comment", "definitions", "examples");

    static final SchemaNode ANY = new SchemaNode(null, List.of(), null, null, null, null, Map.of(), Map.of(), false, null,
            List.of(), null, false, List.of());

    /** Compiles a schema object (a JSON document read as YAML). */
    static SchemaNode compile(YNode schema) {
        if (schema instanceof YScalar s && s.kind() == YScalar.Kind.BOOL) {
            return Boolean.parseBoolean(s.text()) ? ANY : new SchemaNode(null, List.of(), List.of(), null, null, null, Map.of(),
                    Map.of(), false, null, List.of(), null, false, List.of());
        }
        if (!(schema instanceof YMap m)) {
            throw new IllegalStateException("compose schema: expected a schema object at " + schema.mark());
        }
        for (String key : m.entries().keySet()) {
            if (!ANNOTATIONS.contains(key) && !KEYWORDS.contains(key)) {
                throw new IllegalStateException("compose schema: unsupported keyword \"" + key + "\" at " + m.keyMark(key));
            }
        }
        String ref = m.get("$ref") instanceof YScalar r ? r.text() : null;
        List<String> types = new ArrayList<>();
        if (m.get("type") instanceof YScalar t) {
            types.add(t.text());
        } else if (m.get("type") instanceof YSeq ts) {
            ts.items().forEach(t -> types.add(((YScalar) t).text()));
        }
        List<YScalar> enums = m.get("enum") instanceof YSeq e ? e.items().stream().map(YScalar.class::cast).toList() : null;
        Map<String, SchemaNode> props = new LinkedHashMap<>();
        if (m.get("properties") instanceof YMap p) {
            p.entries().forEach((k, v) -> props.put(k, compile(v)));
        }
        Map<Pattern, SchemaNode> patternProps = new LinkedHashMap<>();
        if (m.get("patternProperties") instanceof YMap p) {
            p.entries().forEach((k, v) -> patternProps.put(Pattern.compile(k), compile(v)));
        }
        YNode ap = m.get("additionalProperties");
        boolean forbidden = ap instanceof YScalar s && "false".equals(s.text());
        SchemaNode additional = ap instanceof YMap ? compile(ap) : null;
        List<String> required = m.get("required") instanceof YSeq r ? r.items().stream().map(i -> ((YScalar) i).text()).toList()
                : List.of();
        List<SchemaNode> oneOf = m.get("oneOf") instanceof YSeq o ? o.items().stream().map(SchemaNode::compile).toList() : List.of();
        return new SchemaNode(ref, List.copyOf(types), enums, number(m, "minimum"), number(m, "maximum"),
                m.get("pattern") instanceof YScalar p ? Pattern.compile(p.text()) : null, props, patternProps, forbidden, additional,
                required, m.has("items") ? compile(m.get("items")) : null,
                m.get("uniqueItems") instanceof YScalar u && "true".equals(u.text()), oneOf);
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("$ref", "type", "enum", "minimum", "maximum", "pattern",
            "properties", "patternProperties", "additionalProperties", "required", "items", "uniqueItems", "oneOf");

    private static BigDecimal number(YMap m, String key) {
        return m.get(key) instanceof YScalar s ? new BigDecimal(s.text()) : null;
    }

    /** The definitions of a root schema by their {@code $ref} ({@code #/definitions/name}). */
    static Map<String, SchemaNode> definitions(YMap root) {
        Map<String, SchemaNode> out = new LinkedHashMap<>();
        if (root.get("definitions") instanceof YMap d) {
            d.entries().forEach((k, v) -> out.put("#/definitions/" + k, compile(v)));
        }
        return out;
    }
}
