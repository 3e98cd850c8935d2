package dev.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The body of {@code POST /containers/create}: Docker puts the container {@code Config} fields at the
 * top level, next to {@code HostConfig} and {@code NetworkingConfig}.
 */
public record CreateRequest(ContainerConfig config, HostConfig hostConfig, Map<String, EndpointSettings> endpoints) {

    record NetworkingConfig(@JsonProperty("EndpointsConfig") Map<String, EndpointSettings> endpointsConfig) {
    }

    public CreateRequest {
        hostConfig = hostConfig == null ? HostConfig.DEFAULT : hostConfig;
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    public static CreateRequest parse(JsonNode body, ObjectMapper json) {
        if (body == null || !body.isObject()) {
            throw ContainerException.badParameter("config cannot be empty in order to create a container");
        }
        try {
            ContainerConfig config = json.treeToValue(body, ContainerConfig.class);
            HostConfig host = body.hasNonNull("HostConfig") ? json.treeToValue(body.get("HostConfig"), HostConfig.class) : null;
            NetworkingConfig net = body.hasNonNull("NetworkingConfig")
                    ? json.treeToValue(body.get("NetworkingConfig"), NetworkingConfig.class) : null;
            return new CreateRequest(config, host, net == null ? null : net.endpointsConfig());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ContainerException.badParameter("invalid container config: " + e.getOriginalMessage());
        }
    }
}
