package dev.jcompose.model.load.schema;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YSeq;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one interpolated compose file against the official Compose Specification schema
 * ({@code compose-spec.json}, bundled; compiled once when the class is first used into {@link SchemaNode}s and
 * evaluated by {@link SchemaCheck}, a draft-7 evaluator for the keywords that schema uses, over the YAML
 * tree itself: no JSON-schema library, so {@code config} starts fast; the schema file itself is read by
 * {@link SchemaJson} with jackson-core's streaming parser) and reports the most
 * useful problem ({@link SchemaMessages}) as a located one-line {@link ComposeException}:
 * {@code compose.yaml:3:5 services.web: additional property "imagee" is not allowed}. Scalars keep
 * their YAML type on the way to JSON, so {@code published: 8080} and {@code published: "8080"} are
 * both what the schema sees. The location is found by walking the tree along the error's instance
 * path: the key for unknown or missing properties, the value otherwise.
 */
public final class SchemaValidator {
    private static final SchemaValidator INSTANCE = load();

    private final SchemaNode root;
    private final SchemaCheck check;

    private SchemaValidator(SchemaNode root, SchemaCheck check) {
        this.root = root;
        this.check = check;
    }

    private static SchemaValidator load() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream("compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose-spec.json is missing from the jcompose jar");
            }
            YMap schema = SchemaJson.read("compose-spec.json", in.readAllBytes());
            return new SchemaValidator(SchemaNode.compile(schema), new SchemaCheck(SchemaNode.definitions(schema)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled compose schema", e);
        }
    }

    public static void validate(YMap file) {
        List<Violation> errors = new ArrayList<>();
        if (INSTANCE.check.check(file, INSTANCE.root, List.of(), errors)) {
            return;
        }
        Violation chosen = SchemaMessages.pick(errors);
        Located where = locate(file, chosen);
        throw new ComposeException(where.mark, where.path, SchemaMessages.describe(chosen, errors, where.node));
    }

    private record Located(Mark mark, String path, YNode node) {
    }

    private static Located locate(YMap root, Violation m) {
        YNode node = root;
        StringBuilder path = new StringBuilder();
        List<Object> loc = m.path();
        Mark mark = root.mark();
        boolean complete = true;
        for (int i = 0; i < loc.size(); i++) {
            Object seg = loc.get(i);
            if (seg instanceof Integer idx && node instanceof YSeq s && idx < s.items().size()) {
                node = s.items().get(idx);
                path.append('[').append(idx).append(']');
                mark = node.mark();
            } else if (node instanceof YMap map && map.get(String.valueOf(seg)) != null) {
                String key = String.valueOf(seg);
                mark = map.keyMark(key);
                node = map.get(key);
                path.append(path.length() == 0 ? "" : ".").append(key);
            } else {
                complete = false;
                break;
            }
        }
        if ("additionalProperties".equals(m.keyword()) && node instanceof YMap map && m.property() != null
                && map.has(m.property())) {
            mark = map.keyMark(m.property());
        }
        boolean atKey = "additionalProperties".equals(m.keyword()) || "required".equals(m.keyword());
        if (complete && !atKey && loc.size() > 0) {
            mark = node.mark();
        }
        return new Located(mark, path.toString(), complete ? node : null);
    }
}
