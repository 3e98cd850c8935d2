package dev.jcompose.engine.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of {@code GET /events} in Docker's shape: {@code Type} (container, image, network,
 * volume), {@code Action} (create, start, die, health_status: healthy …), the {@code Actor} with its
 * ID and attributes (name, image, labels, exitCode …), and the time in seconds and nanoseconds.
 * The legacy {@code status}/{@code id}/{@code from} fields are filled for containers, as Docker does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngineEvent(
        @JsonProperty("status") String status,
        @JsonProperty("id") String id,
        @JsonProperty("from") String from,
        @JsonProperty("Type") String type,
        @JsonProperty("Action") String action,
        @JsonProperty("Actor") Actor actor,
        @JsonProperty("scope") String scope,
        @JsonProperty("time") long time,
        @JsonProperty("timeNano") long timeNano) {

    public record Actor(@JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {
        public Actor {
            attributes = Map.copyOf(attributes);
        }
    }

    public static EngineEvent of(String type, String action, String actorId, Map<String, String> attributes, Instant at) {
        boolean container = type.equals("container");
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        return new EngineEvent(container ? action : null, container ? actorId : null,
                container ? attributes.get("image") : null, type, action, new Actor(actorId, attributes), "local",
                at.getEpochSecond(), nanos);
    }

    public Instant instant() {
        return Instant.ofEpochSecond(0, timeNano);
    }
}
