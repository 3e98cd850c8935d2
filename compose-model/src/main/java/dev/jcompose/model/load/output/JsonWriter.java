package dev.jcompose.model.load.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.math.BigInteger;

/**
 * Writes a normalised project as {@code docker compose config --format json} prints it (compose-go's
 * JSON view, Go's encoder: two-space indentation, HTML characters escaped; see {@link ConfigJson}),
 * and converts trees to Jackson nodes for the schema validator.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /**
     * The {@code config --format json} text of a normalised project (any other tree: Go-style JSON
     * of it). Like docker compose's, it does not end with a newline.
     */
    public static String write(YNode root) {
        YNode view = root instanceof YMap m && m.get("services") instanceof YMap ? ConfigJson.project(m) : root;
        return GoJson.indented(view);
    }

    /** One-line JSON with keys in the tree's order, encoded as Go's {@code json.Marshal} does. */
    public static String compact(YNode root) {
        return GoJson.compact(root);
    }

    public static JsonNode toJson(YNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n instanceof YMap m) {
            ObjectNode o = f.objectNode();
            m.entries().forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (n instanceof YSeq s) {
            ArrayNode a = f.arrayNode();
            s.items().forEach(i -> a.add(toJson(i)));
            return a;
        }
        YScalar s = (YScalar) n;
        return switch (s.kind()) {
            case NULL -> f.nullNode();
            case BOOL -> f.booleanNode((Boolean) s.value());
            case INT -> s.value() instanceof BigInteger b ? f.numberNode(b) : f.numberNode((Long) s.value());
            case FLOAT -> f.numberNode((Double) s.value());
            case STRING -> f.textNode(s.text());
        };
    }
}
