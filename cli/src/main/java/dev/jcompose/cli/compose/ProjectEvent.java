package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container event of a project as {@code docker compose events} shows it: the time, the service,
 * the container ID, the action, and the actor's attributes without compose's own labels.
 */
public record ProjectEvent(Instant time, String service, String container, String action, Map<String, String> attributes) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    public ProjectEvent {
        attributes = Map.copyOf(attributes);
    }

    /** From one engine event (Docker's {@code /events} shape). */
    public static ProjectEvent of(JsonNode e) {
        Map<String, String> attrs = new TreeMap<>();
        e.path("Actor").path("Attributes").fields().forEachRemaining(f -> {
            if (!f.getKey().startsWith("com.docker.compose.")) {
                attrs.put(f.getKey(), f.getValue().asText());
            }
        });
        long nanos = e.path("timeNano").asLong(0);
        Instant time = nanos != 0 ? Instant.ofEpochSecond(0, nanos) : Instant.ofEpochSecond(e.path("time").asLong());
        return new ProjectEvent(time, e.path("Actor").path("Attributes").path(Labels.SERVICE).asText(), e.path("Actor").path("ID").asText(),
                e.path("Action").asText(), attrs);
    }

    /** {@code --json}: one object, keys in the order Go's encoder writes a map (sorted). */
    public String json() {
        ObjectNode o = JSON.createObjectNode();
        o.put("action", action);
        ObjectNode a = o.putObject("attributes");
        new TreeMap<>(attributes).forEach(a::put);
        o.put("id", container).put("service", service).put("time", time.toString()).put("type", "container");
        return o.toString();
    }

    /** The text line: {@code 2026-12-01 21:00:00.123456 container start <id> (image=tiny:1, name=p-web-1)}. */
    public String text(ZoneId zone) {
        StringBuilder attrs = new StringBuilder();
        new TreeMap<>(attributes).forEach((k, v) -> attrs.append(attrs.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return TEXT_TIME.format(time.atZone(zone)) + " container " + action + " " + container + " (" + attrs + ")";
    }
}
