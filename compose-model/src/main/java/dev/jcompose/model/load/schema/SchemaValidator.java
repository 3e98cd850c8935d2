package dev.jcompose.model.load.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.output.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Checks one interpolated compose file against the official Compose Specification schema
 * ({@code compose-spec.json}, bundled; built once when the class is first used) and reports the most
 * useful problem ({@link SchemaMessages}) as a located one-line {@link ComposeException}:
 * {@code compose.yaml:3:5 services.web: additional property "imagee" is not allowed}. Scalars keep
 * their YAML type on the way to JSON, so {@code published: 8080} and {@code published: "8080"} are
 * both what the schema sees. The location is found by walking the tree along the error's instance
 * path: the key for unknown or missing properties, the value otherwise.
 */
public final class SchemaValidator {
    private static final JsonSchema SCHEMA = load();

    private SchemaValidator() {
    }

    private static JsonSchema load() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream("compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose-spec.json is missing from the jcompose jar");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            tree.remove("$id"); // "compose_spec.json" is not an absolute URI; the validator would refuse it
            var meta = com.networknt.schema.JsonMetaSchema.builder(com.networknt.schema.JsonMetaSchema.getV7())
                    .keyword(new com.networknt.schema.NonValidationKeyword("deprecated")).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.metaSchema(meta)).getSchema(tree, config);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled compose schema", e);
        }
    }

    public static void validate(YMap file) {
        JsonNode json = JsonWriter.toJson(file);
        Set<ValidationMessage> errors = SCHEMA.validate(json);
        if (errors.isEmpty()) {
            return;
        }
        ValidationMessage chosen = SchemaMessages.pick(errors);
        Located where = locate(file, chosen);
        throw new ComposeException(where.mark, where.path, SchemaMessages.describe(chosen, errors, where.node));
    }

    private record Located(Mark mark, String path, YNode node) {
    }

    private static Located locate(YMap root, ValidationMessage m) {
        YNode node = root;
        StringBuilder path = new StringBuilder();
        var loc = m.getInstanceLocation();
        Mark mark = root.mark();
        boolean complete = true;
        for (int i = 0; i < loc.getNameCount(); i++) {
            Object seg = loc.getElement(i);
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
        if ("additionalProperties".equals(m.getType()) && node instanceof YMap map && m.getProperty() != null
                && map.has(m.getProperty())) {
            mark = map.keyMark(m.getProperty());
        }
        boolean atKey = "additionalProperties".equals(m.getType()) || "required".equals(m.getType());
        if (complete && !atKey && loc.getNameCount() > 0) {
            mark = node.mark();
        }
        return new Located(mark, path.toString(), complete ? node : null);
    }
}
