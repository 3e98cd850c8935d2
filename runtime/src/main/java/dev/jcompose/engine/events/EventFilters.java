package dev.jcompose.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code filters} of {@code GET /events}: type, event (action), container, image, network,
 * volume, label. Values of one filter are alternatives; different filters must all match.
 */
public record EventFilters(Map<String, List<String>> values) {
    private static final Set<String> KNOWN = Set.of("type", "event", "container", "image", "network", "volume", "label", "scope");

    public static final EventFilters NONE = new EventFilters(Map.of());

    public EventFilters {
        values = Map.copyOf(values);
    }

    public static EventFilters parse(String raw, ObjectMapper json) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        try {
            JsonNode root = json.readTree(raw);
            Map<String, List<String>> out = new LinkedHashMap<>();
            var fields = root.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (!KNOWN.contains(f.getKey())) {
                    throw new IllegalArgumentException("invalid filter '" + f.getKey() + "'");
                }
                List<String> vals = new ArrayList<>();
                if (f.getValue().isArray()) {
                    f.getValue().forEach(v -> vals.add(v.asText()));
                } else {
                    f.getValue().fieldNames().forEachRemaining(vals::add);
                }
                out.put(f.getKey(), vals);
            }
            return new EventFilters(out);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("invalid filter: " + raw, e);
        }
    }

    public Predicate<EngineEvent> predicate() {
        return e -> values.entrySet().stream().allMatch(f -> f.getValue().isEmpty()
                || f.getValue().stream().anyMatch(v -> matches(f.getKey(), v, e)));
    }

    private static boolean matches(String filter, String value, EngineEvent e) {
        Map<String, String> attrs = e.actor().attributes();
        return switch (filter) {
            case "type" -> e.type().equals(value);
            case "event" -> e.action().equals(value) || e.action().startsWith(value + ":");
            case "container" -> e.type().equals("container") && (e.actor().id().startsWith(value) || value.equals(attrs.get("name")));
            case "image" -> value.equals(attrs.get("image")) || (e.type().equals("image") && e.actor().id().equals(value));
            case "network" -> e.type().equals("network") && (e.actor().id().startsWith(value) || value.equals(attrs.get("name")));
            case "volume" -> e.type().equals("volume") && e.actor().id().equals(value);
            case "scope" -> value.equals(e.scope());
            case "label" -> {
                int eq = value.indexOf('=');
                yield eq < 0 ? attrs.containsKey(value) : value.substring(eq + 1).equals(attrs.get(value.substring(0, eq)));
            }
            default -> false;
        };
    }
}
