package dev.jcompose.model.load.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.assemble.ProjectOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config --no-consistency} (docker/compose config_test.go TestLocalComposeConfigNoConsistency): a model
 * that fails compose-go's consistency checks still loads and lists its services, volumes and networks and
 * hashes its services; the schema still applies.
 */
class NoConsistencyTest {
    @TempDir
    Path dir;

    private LoadedProject load(String yaml, boolean consistency, String... profiles) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(new ProjectOptions(dir, List.of("compose.yaml"), "demo", null, List.of(), List.of(profiles), List.of(),
                Map.of("HOME", "/root"), () -> "", true, consistency));
    }

    private static final String INCOMPLETE = """
            services:
              incomplete:
                volumes:
                  - data:/data
                  - undeclared:/other
                networks:
                  - internal
                depends_on: [nosuch]
              gated:
                profiles: ["extra"]
            volumes:
              data:
            networks:
              internal:
            """;

    @Test
    void anInconsistentModelFailsWithTheChecksAndLoadsWithout() throws IOException {
        assertTrue(assertThrows(ComposeException.class, () -> load(INCOMPLETE, true)).getMessage().contains("services.incomplete"));
        LoadedProject p = load(INCOMPLETE, false);
        assertEquals(List.of("incomplete"), p.serviceNames());
        assertEquals(List.of("data"), p.volumeNames());
        assertEquals(List.of("internal"), p.networkNames());
        assertTrue(p.configHash("incomplete").matches("[0-9a-f]{64}"), p.configHash("incomplete"));
        assertTrue(p.yaml().contains("incomplete:"), p.yaml());
        assertEquals(List.of("gated", "incomplete"), load(INCOMPLETE, false, "extra").serviceNames());
    }

    @Test
    void theSchemaStillApplies() {
        assertTrue(assertThrows(ComposeException.class, () -> load("""
                services:
                  s:
                    wrongField: 1
                """, false)).getMessage().contains("additional property \"wrongField\" is not allowed"));
    }
}
