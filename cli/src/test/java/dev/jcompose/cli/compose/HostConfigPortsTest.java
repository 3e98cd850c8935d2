package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ports} entry becomes a PortBinding as docker compose sends it; one without a published port
 * asks for a random host port ({@code HostPort ""}), which a real dockerd otherwise never publishes.
 */
class HostConfigPortsTest {
    @TempDir
    Path dir;

    @Test
    void portsWithoutPublishedPortAskForARandomOne() throws Exception {
        Project p = TestProjects.load(dir, """
                name: ports
                services:
                  web:
                    image: busybox
                    ports: ["127.0.0.1::8080", "9090", "8443:443", "127.0.0.1:5353:53/udp"]
                """);
        ObjectNode bindings = (ObjectNode) HostConfigBuilder.build(p, p.services().get("web")).get("PortBindings");
        assertEquals("{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}", bindings.get("8080/tcp").get(0).toString());
        assertEquals("{\"HostIp\":\"\",\"HostPort\":\"\"}", bindings.get("9090/tcp").get(0).toString());
        assertEquals("{\"HostIp\":\"\",\"HostPort\":\"8443\"}", bindings.get("443/tcp").get(0).toString());
        assertEquals("{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"5353\"}", bindings.get("53/udp").get(0).toString());
        assertEquals(4, bindings.size(), bindings.toString());
    }
}
