package dev.jcompose.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which socket the CLI uses: JCOMPOSE_HOST, else DOCKER_HOST (as docker compose users set it), each unix:// only. */
class EngineConnectionTest {
    @TempDir
    Path dir;

    @Test
    void dockerHostNamesTheEngineWhenJcomposeHostIsUnset() {
        String host = "unix://" + dir.resolve("docker.sock");
        EngineException e = assertThrows(EngineException.class, () -> EngineConnection.connect(Map.of("DOCKER_HOST", host)));
        assertEquals("no engine answers on " + host + " (DOCKER_HOST)", e.getMessage());
    }

    @Test
    void jcomposeHostWinsOverDockerHost() {
        String host = "unix://" + dir.resolve("jcompose.sock");
        EngineException e = assertThrows(EngineException.class,
                () -> EngineConnection.connect(Map.of("JCOMPOSE_HOST", host, "DOCKER_HOST", "tcp://127.0.0.1:2375")));
        assertEquals("no engine answers on " + host + " (JCOMPOSE_HOST)", e.getMessage());
    }

    @Test
    void tcpDockerHostIsRefusedWithTheVariableNamed() {
        EngineException e = assertThrows(EngineException.class,
                () -> EngineConnection.connect(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")));
        assertEquals("DOCKER_HOST=tcp://127.0.0.1:2375: only unix:// sockets are supported", e.getMessage());
    }
}
