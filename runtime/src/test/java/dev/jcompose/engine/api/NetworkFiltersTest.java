package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.network.NetworkRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NetworkFiltersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<NetworkRecord> NETWORKS = List.of(
            network("bridge", "aaaa", Map.of(), "2026-01-01T00:00:00Z"),
            network("demo_default", "bbbb", Map.of("com.docker.compose.project", "demo"), "2026-01-02T00:00:00Z"),
            network("demo_back", "bbcc", Map.of("com.docker.compose.project", "demo", "tier", "back"), "2026-01-03T00:00:00Z"),
            network("other", "dddd", Map.of(), "2026-01-04T00:00:00Z"));
    private static final Function<String, List<String>> USED = name -> name.equals("demo_default") ? List.of("c1") : List.of();

    private static NetworkRecord network(String name, String id, Map<String, String> labels, String created) {
        return new NetworkRecord(name, id, created, "local", "bridge", false, new NetworkRecord.Ipam("default", Map.of(), List.of()),
                false, false, false, Map.of(), labels);
    }

    private static List<String> names(String filters) throws Exception {
        return NETWORKS.stream().filter(NetworkFilters.parse(filters, JSON, USED)).map(NetworkRecord::name).toList();
    }

    @Test
    void valuesOfOneFilterAreAlternativesAndFiltersCombine() throws Exception {
        assertEquals(List.of("demo_default", "demo_back"), names("{\"name\":{\"demo\":true}}"));
        assertEquals(List.of("bridge", "other"), names("{\"id\":[\"aa\",\"dd\"]}"));
        assertEquals(List.of("demo_back"), names("{\"label\":[\"com.docker.compose.project=demo\",\"tier\"]}"));
        assertEquals(List.of("demo_default"), names("{\"label\":{\"com.docker.compose.project=demo\":true},\"label!\":[\"tier\"]}"));
    }

    @Test
    void typeDanglingAndUntil() throws Exception {
        assertEquals(List.of("bridge"), names("{\"type\":[\"builtin\"]}"));
        assertEquals(List.of("demo_default"), names("{\"dangling\":[\"false\"]}"));
        assertEquals(List.of("bridge", "demo_back", "other"), names("{\"dangling\":[\"true\"]}"));
        assertEquals(List.of("bridge", "demo_default"), names("{\"until\":[\"2026-01-02T12:00:00Z\"]}"));
        assertEquals(List.of("bridge"), names("{\"until\":[\"1767268800\"]}"));
    }
}
