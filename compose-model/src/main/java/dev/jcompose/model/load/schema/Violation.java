package dev.jcompose.model.load.schema;

import java.util.List;

/**
 * One schema keyword an instance failed: the keyword ({@code type}, {@code required},
 * {@code additionalProperties}, {@code enum}, {@code pattern}, {@code minimum}, {@code maximum},
 * {@code uniqueItems}, {@code oneOf}), where (keys and list indexes from the file's root), the property
 * it names (missing or not allowed), what was expected (JSON type names, enumeration values as
 * JSON, or the pattern) and a fallback reason.
 */
record Violation(String keyword, List<Object> path, String property, List<String> expected, String reason) {
    Violation {
        path = List.copyOf(path);
        expected = List.copyOf(expected);
    }

    /** {@code services.web.ports[0]}. */
    String pathText() {
        StringBuilder out = new StringBuilder();
        for (Object seg : path) {
            if (seg instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(seg);
            }
        }
        return out.toString();
    }
}
