package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.network.NetworkRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Docker's {@code filters} for {@code GET /networks} (name, id, label, label!, driver, scope, type,
 * dangling) and {@code POST /networks/prune} (label, label!, until), as one predicate. Values of one
 * filter are alternatives (OR); different filters must all hold (AND), as in the daemon.
 */
final class NetworkFilters {
    /** The networks Docker creates itself ({@code type=builtin}); prune never removes them. */
    static final Set<String> BUILTIN = Set.of("bridge", "host", "none");

    private NetworkFilters() {
    }

    static Predicate<NetworkRecord> parse(String raw, ObjectMapper json, Function<String, List<String>> usedBy) throws IOException {
        Predicate<NetworkRecord> p = n -> true;
        if (raw == null || raw.isBlank()) {
            return p;
        }
        JsonNode f = json.readTree(raw);
        p = p.and(any(values(f.path("name")), (n, v) -> n.name().contains(v)));
        p = p.and(any(values(f.path("id")), (n, v) -> n.id().startsWith(v)));
        p = p.and(any(values(f.path("driver")), (n, v) -> n.driver().equals(v)));
        p = p.and(any(values(f.path("scope")), (n, v) -> n.scope().equals(v)));
        p = p.and(any(values(f.path("type")), (n, v) -> v.equals("builtin") == BUILTIN.contains(n.name())));
        p = p.and(any(values(f.path("dangling")), (n, v) -> (v.equals("true") || v.equals("1")) == usedBy.apply(n.name()).isEmpty()));
        for (String label : values(f.path("label"))) {
            p = p.and(n -> hasLabel(n, label));
        }
        for (String label : values(f.path("label!"))) {
            p = p.and(n -> !hasLabel(n, label));
        }
        for (String until : values(f.path("until"))) {
            Instant limit = instant(until);
            p = p.and(n -> Instant.parse(n.created()).isBefore(limit));
        }
        return p;
    }

    private static boolean hasLabel(NetworkRecord n, String label) {
        int eq = label.indexOf('=');
        return eq < 0 ? n.labels().containsKey(label) : label.substring(eq + 1).equals(n.labels().get(label.substring(0, eq)));
    }

    /** {@code until}: a Unix timestamp or an RFC 3339 time, as the docker CLI sends it. */
    private static Instant instant(String v) {
        try {
            return v.matches("\\d+(\\.\\d+)?") ? Instant.ofEpochMilli((long) (Double.parseDouble(v) * 1000)) : Instant.parse(v);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("invalid filter 'until=" + v + "': expected a Unix timestamp or an RFC 3339 time");
        }
    }

    private interface Test {
        boolean test(NetworkRecord n, String value);
    }

    private static Predicate<NetworkRecord> any(List<String> values, Test test) {
        return values.isEmpty() ? n -> true : n -> values.stream().anyMatch(v -> test.test(n, v));
    }

    static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> out.add(v.asText()));
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }
}
