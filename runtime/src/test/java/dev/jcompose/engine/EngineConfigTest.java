package dev.jcompose.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.engine.image.registry.RegistryOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    @Test
    void defaultsWithoutEnvironment() {
        EngineConfig c = EngineConfig.fromEnvironment(Map.of());
        assertEquals(EngineConfig.DEFAULT_ROOT, c.root());
        assertEquals(EngineConfig.DEFAULT_RUN_DIR, c.runDir());
        assertEquals(List.of(), c.insecureRegistries());
        assertEquals(Path.of("/run/jcompose/jcompose.sock"), c.socket());
    }

    @Test
    void insecureRegistriesFromTheEnvironmentAreReachedOverPlainHttp() {
        EngineConfig c = EngineConfig.fromEnvironment(Map.of("JCOMPOSE_ROOT", "/tmp/r", "JCOMPOSE_RUN_DIR", "/tmp/run",
                "JCOMPOSE_INSECURE_REGISTRIES", " registry.lan:5000, ,mirror.lan "));
        assertEquals(List.of("registry.lan:5000", "mirror.lan"), c.insecureRegistries());
        RegistryOptions options = RegistryOptions.defaults().withInsecure(c.insecureRegistries());
        assertEquals("http", options.scheme("registry.lan:5000"));
        assertEquals("http", options.scheme("mirror.lan:443"));
        assertEquals("https", options.scheme("registry.lan:6000"));
        assertEquals("https", options.scheme("docker.io"));
    }
}
