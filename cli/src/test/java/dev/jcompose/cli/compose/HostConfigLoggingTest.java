package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's logging, init, security_opt and userns_mode reach the engine's HostConfig as docker compose sends them. */
class HostConfigLoggingTest {
    @TempDir
    Path dir;

    @Test
    void loggingOptionsInitAndSeccomp() throws Exception {
        Project p = TestProjects.load(dir, """
                name: logs
                services:
                  web:
                    image: busybox
                    init: true
                    security_opt: ["seccomp=unconfined"]
                    userns_mode: host
                    logging:
                      driver: json-file
                      options:
                        max-size: 10m
                        max-file: "3"
                  plain:
                    image: busybox
                """);
        ObjectNode web = HostConfigBuilder.build(p, p.services().get("web"));
        assertEquals("json-file", web.get("LogConfig").get("Type").asText());
        assertEquals("10m", web.get("LogConfig").get("Config").get("max-size").asText());
        assertEquals("3", web.get("LogConfig").get("Config").get("max-file").asText());
        assertEquals(true, web.get("Init").asBoolean());
        assertEquals("seccomp=unconfined", web.get("SecurityOpt").get(0).asText());
        assertEquals("host", web.get("UsernsMode").asText(), "docker compose's opt-out of --userns-remap");
        ObjectNode plain = HostConfigBuilder.build(p, p.services().get("plain"));
        assertFalse(plain.has("UsernsMode"), plain.toString());
        assertFalse(plain.has("LogConfig") && plain.get("LogConfig").get("Config").size() > 0, plain.toString());
    }
}
