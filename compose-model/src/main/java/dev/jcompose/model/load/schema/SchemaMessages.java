package dev.jcompose.model.load.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the most useful of the schema validator's messages and words it the way compose users read
 * it. The wrappers ({@code oneOf}, {@code anyOf}) only say that no alternative fitted, so the
 * messages of their alternatives win: first a specific problem (unknown property, missing
 * property, value outside an enumeration, …) at the deepest place, else the type mismatches at the
 * deepest place, merged into one "must be a string or a list, not a mapping".
 */
final class SchemaMessages {
    private static final Set<String> WRAPPERS = Set.of("oneOf", "anyOf", "allOf", "not", "if", "then", "else");

    private SchemaMessages() {
    }

    /** The message to report; never empty for a non-empty input. */
    static ValidationMessage pick(Collection<ValidationMessage> all) {
        List<ValidationMessage> specific = new ArrayList<>();
        List<ValidationMessage> types = new ArrayList<>();
        for (ValidationMessage m : all) {
            if ("type".equals(m.getType())) {
                types.add(m);
            } else if (!WRAPPERS.contains(m.getType())) {
                specific.add(m);
            }
        }
        Comparator<ValidationMessage> deepestFirst = Comparator.comparing((ValidationMessage m) -> -m.getInstanceLocation().getNameCount())
                .thenComparing(m -> m.getInstanceLocation().toString());
        List<ValidationMessage> pool = !specific.isEmpty() ? specific : !types.isEmpty() ? types : new ArrayList<>(all);
        return pool.stream().min(deepestFirst).orElseThrow();
    }

    /** The reason text for {@code chosen}, given every message and the offending node ({@code null} when unknown). */
    static String describe(ValidationMessage chosen, Collection<ValidationMessage> all, YNode node) {
        String type = chosen.getType();
        if ("additionalProperties".equals(type)) {
            return "additional property \"" + chosen.getProperty() + "\" is not allowed";
        }
        if ("required".equals(type)) {
            return "missing required property \"" + chosen.getProperty() + "\"";
        }
        if ("type".equals(type)) {
            Set<String> expected = new LinkedHashSet<>();
            for (ValidationMessage m : all) {
                if ("type".equals(m.getType()) && m.getInstanceLocation().equals(chosen.getInstanceLocation())) {
                    expected.addAll(typeNames(m.getSchemaNode()));
                }
            }
            return "must be " + joinOr(new ArrayList<>(expected)) + (node == null ? "" : ", not " + kind(node));
        }
        if ("enum".equals(type) || "const".equals(type)) {
            String values = chosen.getSchemaNode() == null ? "" : chosen.getSchemaNode().isArray()
                    ? toList(chosen.getSchemaNode()) : chosen.getSchemaNode().toString();
            String found = node instanceof YScalar s ? "invalid value \"" + s.text() + "\": " : "";
            return found + "must be one of " + values;
        }
        if ("pattern".equals(type) && chosen.getSchemaNode() != null && node instanceof YScalar s) {
            return "invalid value \"" + s.text() + "\": must match " + chosen.getSchemaNode().asText();
        }
        String msg = chosen.getMessage();
        int colon = msg.indexOf(": ");
        return colon >= 0 && (msg.startsWith("$") || msg.startsWith("/") || msg.startsWith(":")) ? msg.substring(colon + 2) : msg;
    }

    private static String toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.toString()));
        return String.join(", ", out);
    }

    private static List<String> typeNames(JsonNode schemaType) {
        List<String> out = new ArrayList<>();
        if (schemaType == null) {
            return out;
        }
        if (schemaType.isArray()) {
            schemaType.forEach(t -> out.add(word(t.asText())));
        } else {
            out.add(word(schemaType.asText()));
        }
        return out;
    }

    private static String word(String jsonType) {
        return switch (jsonType) {
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "a boolean";
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "null" -> "null";
            default -> jsonType;
        };
    }

    private static String joinOr(List<String> words) {
        if (words.size() <= 1) {
            return words.isEmpty() ? "something else" : words.get(0);
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + words.get(words.size() - 1);
    }

    static String kind(YNode n) {
        if (n instanceof YMap) {
            return "a mapping";
        }
        if (n instanceof YSeq) {
            return "a list";
        }
        YScalar s = (YScalar) n;
        return switch (s.kind()) {
            case STRING -> "a string";
            case INT -> "an integer";
            case FLOAT -> "a number";
            case BOOL -> "a boolean";
            case NULL -> "null";
        };
    }
}
