package dev.jcompose.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI starts a detached engine when none answers, and reuses a running one. */
class EngineStarterTest {
    @TempDir
    Path dir;

    @Test
    void startsAnEngineOnDemandAndReusesIt() throws Exception {
        EngineConfig config = new EngineConfig(dir.resolve("root"), dir.resolve("run"));
        EngineStarter starter = new EngineStarter(config, EngineStarter.selfCommand(config));
        long pid = 0;
        try (EngineClient client = starter.connect()) {
            assertTrue(client.ping(1_000));
            pid = Long.parseLong(Files.readString(config.pidFile()).trim());
            assertEquals("0.1.0", client.get("/version").path("Version").asText());
            try (EngineClient again = starter.connect()) {
                assertEquals(pid, Long.parseLong(Files.readString(config.pidFile()).trim()), "the running engine is reused");
            }
            EngineException e = org.junit.jupiter.api.Assertions.assertThrows(EngineException.class, () -> client.get("/nope"));
            assertEquals(404, e.status());
        } finally {
            if (pid > 0) {
                ProcessHandle engine = ProcessHandle.of(pid).orElseThrow();
                engine.destroy();
                engine.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        assertTrue(Files.notExists(config.socket()), "the engine removes its socket on SIGTERM");
    }
}
