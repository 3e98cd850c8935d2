package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.assemble.ProjectOptions;
import dev.jcompose.model.load.project.ComposeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run's flags → the one-off container's create body, as docker compose builds it. */
class OneOffRequestTest {
    private static final String SLUG = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    private Project project() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web:
                    image: tiny:1
                    command: ["sleep", "60"]
                    environment: {A: "1", B: "2"}
                    ports: ["127.0.0.1:8080:80"]
                    restart: always
                    networks:
                      default: {aliases: [www]}
                volumes:
                  data:
                """);
        return ComposeLoader.load(ProjectOptions.discover(dir, Map.of("HOME", "/root"))).project();
    }

    private static OneOffOptions options() {
        return new OneOffOptions(List.of(), null, List.of(), null, null, List.of(), List.of(), false, false, Map.of(), null, false);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void aOneOffContainerIsNamedAndLabelledAsDockerComposeDoes() throws Exception {
        Project p = project();
        ObjectNode body = OneOffRequest.build(p, p.service("web"), options(), SLUG);
        assertEquals("demo-web-run-0123456789ab", OneOffRequest.containerName(p, p.service("web"), options(), SLUG));
        JsonNode labels = body.path("Labels");
        assertEquals("True", labels.path("com.docker.compose.oneoff").asText());
        assertEquals(SLUG, labels.path("com.docker.compose.slug").asText());
        assertEquals("web", labels.path("com.docker.compose.service").asText());
        assertTrue(labels.path("com.docker.compose.container-number").isMissingNode());
        assertEquals(List.of("sleep", "60"), strings(body.path("Cmd")), "the service's command when none is given");
        assertEquals("no", body.path("HostConfig").path("RestartPolicy").path("Name").asText(), "one-off containers do not restart");
        assertEquals(0, body.path("HostConfig").path("PortBindings").size(), "service ports only with --service-ports");
        assertEquals(List.of("demo-web-run-0123456789ab"), strings(body.path("NetworkingConfig").path("EndpointsConfig").path("demo_default")
                .path("Aliases")), "only its own name as alias without --use-aliases");
        assertFalse(body.path("HostConfig").path("AutoRemove").asBoolean());
    }

    @Test
    void flagsOverrideTheService() throws Exception {
        Project p = project();
        OneOffOptions o = new OneOffOptions(List.of("sh", "-c", "exit 3"), OneOffRequest.shellWords("/bin/sh -c"), List.of("B=3", "C=4"),
                "nobody", "/tmp", List.of("./data:/data:ro", "data:/named", "/anon"), List.of("127.0.0.1:9090:90/udp", "91"), true, true,
                Map.of("extra", "yes"), "custom", true);
        ObjectNode body = OneOffRequest.build(p, p.service("web"), o, SLUG);
        assertEquals(List.of("sh", "-c", "exit 3"), strings(body.path("Cmd")));
        assertEquals(List.of("/bin/sh", "-c"), strings(body.path("Entrypoint")));
        assertEquals(List.of("A=1", "B=3", "C=4"), strings(body.path("Env")), "-e replaces a key of the file and adds new ones");
        assertEquals("nobody", body.path("User").asText());
        assertEquals("/tmp", body.path("WorkingDir").asText());
        assertEquals("yes", body.path("Labels").path("extra").asText());
        JsonNode mounts = body.path("HostConfig").path("Mounts");
        assertEquals("bind", mounts.path(0).path("Type").asText());
        assertEquals(dir.resolve("data").toString(), mounts.path(0).path("Source").asText(), "relative to the project directory");
        assertTrue(mounts.path(0).path("ReadOnly").asBoolean());
        assertEquals("demo_data", mounts.path(1).path("Source").asText(), "a declared volume by its engine name");
        assertEquals("volume", mounts.path(2).path("Type").asText());
        assertTrue(mounts.path(2).path("Source").isMissingNode(), "an anonymous volume");
        JsonNode ports = body.path("HostConfig").path("PortBindings");
        assertEquals("8080", ports.path("80/tcp").path(0).path("HostPort").asText(), "--service-ports keeps the service's");
        assertEquals("127.0.0.1", ports.path("90/udp").path(0).path("HostIp").asText());
        assertEquals("9090", ports.path("90/udp").path(0).path("HostPort").asText());
        assertEquals("", ports.path("91/tcp").path(0).path("HostPort").asText(), "a container port alone: any host port");
        assertTrue(body.path("ExposedPorts").has("91/tcp"));
        assertEquals(List.of("custom", "web", "www"), strings(body.path("NetworkingConfig").path("EndpointsConfig").path("demo_default")
                .path("Aliases")), "--use-aliases");
        assertEquals("custom", OneOffRequest.containerName(p, p.service("web"), o, SLUG));
        assertTrue(body.path("HostConfig").path("AutoRemove").asBoolean());
    }

    @Test
    void badFlagValuesAreRefusedWithTheValue() throws Exception {
        Project p = project();
        OneOffOptions badPort = new OneOffOptions(List.of(), null, List.of(), null, null, List.of(), List.of("80:abc"), false, false,
                Map.of(), null, false);
        var e = assertThrows(IllegalArgumentException.class, () -> OneOffRequest.build(p, p.service("web"), badPort, SLUG));
        assertEquals("invalid port specification: \"80:abc\"", e.getMessage());
        OneOffOptions badMode = new OneOffOptions(List.of(), null, List.of(), null, null, List.of("./a:/b:xx"), List.of(), false, false,
                Map.of(), null, false);
        assertThrows(IllegalArgumentException.class, () -> OneOffRequest.build(p, p.service("web"), badMode, SLUG));
    }

    @Test
    void entrypointWordsSplitAsAShellWould() {
        assertEquals(List.of("sh", "-c", "echo hi there"), OneOffRequest.shellWords("sh -c 'echo hi there'"));
        assertEquals(List.of("a", "b c", "d\"e"), OneOffRequest.shellWords("a \"b c\" d\\\"e"));
        assertEquals(List.of(""), OneOffRequest.shellWords("''"));
        assertThrows(IllegalArgumentException.class, () -> OneOffRequest.shellWords("'open"));
    }
}
