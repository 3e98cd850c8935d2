package dev.jcompose.model.load.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.math.BigInteger;

/** Writes a tree as JSON ({@code config --format json}, two-space indentation) and converts trees for the schema validator. */
public final class JsonWriter {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private JsonWriter() {
    }

    public static String write(YNode root) {
        try {
            return PRETTY.writeValueAsString(toJson(root)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("writing JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One-line JSON with keys in the tree's order: the input of the config hash. */
    public static String compact(YNode root) {
        try {
            return COMPACT.writeValueAsString(toJson(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("writing JSON: " + e.getOriginalMessage(), e);
        }
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
