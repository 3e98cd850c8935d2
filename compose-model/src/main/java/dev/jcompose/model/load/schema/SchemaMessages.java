package dev.jcompose.model.load.schema;

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
 * Picks the most useful of the schema's {@link Violation}s and words it the way compose users read
 * it. A failed {@code oneOf} only says that no alternative fitted, so the
 * violations of its alternatives win: first a specific problem (unknown property, missing
 * property, value outside an enumeration, …) at the deepest place, else the type mismatches at the
 * deepest place, merged into one "must be a string or a list, not a mapping".
 */
final class SchemaMessages {
    private static final Set<String> WRAPPERS = Set.of("oneOf");

    private SchemaMessages() {
    }

    /** The violation to report; never {@code null} for a non-empty input. */
    static Violation pick(Collection<Violation> all) {
        List<Violation> specific = new ArrayList<>();
        List<Violation> types = new ArrayList<>();
        for (Violation m : all) {
            if ("type".equals(m.keyword())) {
                types.add(m);
            } else if (!WRAPPERS.contains(m.keyword())) {
                specific.add(m);
            }
        }
        Comparator<Violation> deepestFirst = Comparator.comparing((Violation m) -> -m.path().size()).thenComparing(Violation::pathText);
        List<Violation> pool = !specific.isEmpty() ? specific : !types.isEmpty() ? types : new ArrayList<>(all);
        return pool.stream().min(deepestFirst).orElseThrow();
    }

    /** The reason text for {@code chosen}, given every violation and the offending node ({@code null} when unknown). */
    static String describe(Violation chosen, Collection<Violation> all, YNode node) {
        String type = chosen.keyword();
        if ("type".equals(type)) {
            Set<String> expected = new LinkedHashSet<>();
            for (Violation m : all) {
                if ("type".equals(m.keyword()) && m.path().equals(chosen.path())) {
                    m.expected().forEach(t -> expected.add(word(t)));
                }
            }
            return "must be " + joinOr(new ArrayList<>(expected)) + (node == null ? "" : ", not " + kind(node));
        }
        if ("enum".equals(type)) {
            String found = node instanceof YScalar s ? "invalid value \"" + s.text() + "\": " : "";
            return found + "must be one of " + String.join(", ", chosen.expected());
        }
        if ("pattern".equals(type) && node instanceof YScalar s) {
            return "invalid value \"" + s.text() + "\": " + chosen.reason();
        }
        return chosen.reason();
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
