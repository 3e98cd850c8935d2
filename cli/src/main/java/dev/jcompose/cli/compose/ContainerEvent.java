package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A container event of the project from the engine's {@code /events}: start, die (with its exit
 * code), destroy …, with the compose labels that say whose container it is.
 */
public record ContainerEvent(String action, String id, String name, String service, int number, boolean oneOff, int exitCode) {
    static ContainerEvent of(JsonNode e) {
        JsonNode attrs = e.path("Actor").path("Attributes");
        return new ContainerEvent(e.path("Action").asText(), e.path("Actor").path("ID").asText(), attrs.path("name").asText(),
                attrs.path(Labels.SERVICE).asText(), attrs.path(Labels.NUMBER).asInt(0),
                "True".equalsIgnoreCase(attrs.path(Labels.ONEOFF).asText()), attrs.path("exitCode").asInt(-1));
    }
}
