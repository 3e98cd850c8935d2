package dev.jcompose.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code filters} parameter of {@code GET /containers/json}: a JSON object from filter name to
 * values, either {@code {"label":["a=b"]}} or the older {@code {"label":{"a=b":true}}}. Values of one
 * filter are alternatives (any may match); different filters must all match — Docker's semantics.
 */
public record ContainerFilters(Map<String, List<String>> values) {
    private static final Set<String> KNOWN = Set.of("id", "name", "label", "status", "exited", "health", "network", "ancestor");
    private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused", "exited", "dead");

    public static final ContainerFilters NONE = new ContainerFilters(Map.of());

    public ContainerFilters {
        values = Map.copyOf(values);
    }

    /** Parses the query value; unknown filters and bad status values are 400s as in Docker. */
    public static ContainerFilters parse(String raw, ObjectMapper json) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (java.io.IOException e) {
            throw ContainerException.badParameter("invalid filter: " + raw);
        }
        if (!root.isObject()) {
            throw ContainerException.badParameter("invalid filter: " + raw);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(f -> {
            if (!KNOWN.contains(f.getKey())) {
                throw ContainerException.badParameter("invalid filter '" + f.getKey() + "'");
            }
            List<String> vals = new ArrayList<>();
            if (f.getValue().isArray()) {
                f.getValue().forEach(v -> vals.add(v.asText()));
            } else if (f.getValue().isObject()) {
                f.getValue().fields().forEachRemaining(v -> {
                    if (v.getValue().asBoolean()) {
                        vals.add(v.getKey());
                    }
                });
            }
            if (f.getKey().equals("status")) {
                vals.stream().filter(s -> !STATUSES.contains(s)).findFirst().ifPresent(s -> {
                    throw ContainerException.badParameter("invalid filter 'status=" + s + "'");
                });
            }
            out.put(f.getKey(), List.copyOf(vals));
        });
        return new ContainerFilters(out);
    }

    /** Whether the filters ask for a status other than running (then stopped containers are listed even without all=1). */
    public boolean namesStatus() {
        return values.containsKey("status") || values.containsKey("exited");
    }

    /** Values of a filter are alternatives, except labels, which must all match (as in Docker). */
    public Predicate<ContainerRecord> predicate() {
        return r -> values.entrySet().stream().allMatch(e -> e.getValue().isEmpty()
                || (e.getKey().equals("label") ? e.getValue().stream().allMatch(v -> matches("label", v, r))
                : e.getValue().stream().anyMatch(v -> matches(e.getKey(), v, r))));
    }

    private static boolean matches(String filter, String value, ContainerRecord r) {
        return switch (filter) {
            case "id" -> r.id().startsWith(value);
            case "name" -> nameMatches(value, r.shortName());
            case "label" -> labelMatches(value, r.labels());
            case "status" -> r.state().status().equals(value);
            case "exited" -> !r.state().running() && r.state().everStarted() && String.valueOf(r.state().exitCode()).equals(value);
            case "health" -> value.equals(r.state().health() == null ? "none" : r.state().health().status());
            case "network" -> r.networkSettings() != null && r.networkSettings().networks().entrySet().stream()
                    .anyMatch(n -> n.getKey().equals(value) || value.equals(n.getValue().networkId()));
            case "ancestor" -> value.equals(r.config().image()) || value.equals(r.image());
            default -> false;
        };
    }

    private static boolean nameMatches(String pattern, String name) {
        try {
            return Pattern.compile(pattern).matcher("/" + name).find();
        } catch (PatternSyntaxException e) {
            return ("/" + name).contains(pattern);
        }
    }

    private static boolean labelMatches(String filter, Map<String, String> labels) {
        int eq = filter.indexOf('=');
        if (eq < 0) {
            return labels.containsKey(filter);
        }
        return filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }
}
