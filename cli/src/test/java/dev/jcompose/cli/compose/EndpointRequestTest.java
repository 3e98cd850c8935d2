package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint part of the create body: {@code interface_name} as the endpoint driver option
 * {@code com.docker.network.endpoint.ifname} (with the network's other driver_opts), and {@code links} as
 * {@code container:alias} in {@code HostConfig.Links} and on the first network's endpoint only, one per replica.
 */
class EndpointRequestTest {
    @TempDir
    Path dir;

    @Test
    void interfaceNameAndDriverOptsGoToTheEndpoint() throws Exception {
        Project p = TestProjects.load(dir, """
                name: ifn
                services:
                  test:
                    image: busybox
                    networks:
                      front: {interface_name: foobar, driver_opts: {x.y: z}}
                      back: {}
                networks: {front: {}, back: {}}
                """);
        JsonNode eps = ContainerRequest.build(p, p.services().get("test"), 1, "ifn-test-1", null).path("NetworkingConfig")
                .path("EndpointsConfig");
        assertEquals("{\"x.y\":\"z\",\"com.docker.network.endpoint.ifname\":\"foobar\"}", eps.path("ifn_front").path("DriverOpts").toString());
        assertFalse(eps.path("ifn_back").has("DriverOpts"), eps.toString());
    }

    @Test
    void linksNameEveryReplicaWithTheAliasOnHostConfigAndTheFirstEndpoint() throws Exception {
        Project p = TestProjects.load(dir, """
                name: lk
                services:
                  web:
                    image: busybox
                    links: ["db:database", "cache"]
                    external_links: ["legacy:old"]
                    networks: [a, b]
                  db: {image: busybox, scale: 2, networks: [a, b]}
                  cache: {image: busybox, container_name: the-cache, networks: [a]}
                networks: {a: {}, b: {}}
                """);
        ObjectNode body = ContainerRequest.build(p, p.services().get("web"), 1, "lk-web-1", null);
        String links = "[\"lk-db-1:database\",\"lk-db-2:database\",\"the-cache:cache\",\"legacy:old\"]";
        assertEquals(links, body.path("HostConfig").path("Links").toString());
        JsonNode eps = body.path("NetworkingConfig").path("EndpointsConfig");
        String first = body.path("HostConfig").path("NetworkMode").asText();
        assertEquals(links, eps.path(first).path("Links").toString());
        eps.fields().forEachRemaining(e -> assertEquals(e.getKey().equals(first), e.getValue().has("Links"), e.getKey()));
    }
}
