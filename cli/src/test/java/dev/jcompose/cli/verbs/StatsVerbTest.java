package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jcompose stats} on real containers: the table with a memory limit, {@code -a}, a service, json and {@code --no-trunc}. */
@Tag("root")
class StatsVerbTest {
    @TempDir
    Path dir;
    private VerbsHarness h;

    @BeforeEach
    void start() throws Exception {
        h = VerbsHarness.start(dir);
        h.compose("""
                name: verbsstats
                services:
                  app:
                    image: tiny:1
                    command: ["sleep", "3600"]
                    mem_limit: 40m
                    stop_grace_period: 1s
                  done:
                    image: tiny:1
                    command: ["true"]
                networks:
                  default:
                    ipam: {config: [{subnet: 10.231.45.0/24}]}
                """);
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void statsShowsTheProjectsContainersAsDockerStatsDoes() throws Exception {
        h.ok("up", "-d");
        h.ok("wait", "done");
        String id = h.engine.containers().inspect("verbsstats-app-1").id();

        List<String> table = h.ok("stats", "--no-stream").lines().toList();
        assertTrue(table.get(0).matches("CONTAINER ID\\s+NAME\\s+CPU %\\s+MEM USAGE / LIMIT\\s+MEM %\\s+NET I/O\\s+BLOCK I/O\\s+PIDS"), table.toString());
        assertEquals(2, table.size(), "only the running container: " + table);
        String[] row = table.get(1).split("\\s{3,}");
        assertEquals(id.substring(0, 12), row[0], table.toString());
        assertEquals("verbsstats-app-1", row[1]);
        assertTrue(row[2].matches("\\d+\\.\\d\\d%"), "CPU %: " + table);
        assertTrue(row[3].matches("[0-9.]+(B|KiB|MiB) / 40MiB"), "MEM USAGE / LIMIT: " + table);
        assertTrue(row[4].matches("\\d+\\.\\d\\d%") && !row[4].equals("0.00%"), "MEM %: " + table);
        assertTrue(row[5].matches("[0-9.]+k?B / [0-9.]+k?B"), "NET I/O: " + table);
        assertEquals("1", row[7], "PIDS: " + table);

        assertEquals(List.of("verbsstats-app-1 1", "verbsstats-done-1 0"),
                h.ok("stats", "--no-stream", "-a", "--format", "{{.Name}} {{.PIDs}}").lines().toList(), "-a adds the exited container");

        JsonNode json = new ObjectMapper().readTree(h.ok("stats", "--no-stream", "--format", "json", "--no-trunc", "app"));
        assertEquals(id, json.get("ID").asText(), "--no-trunc: the full ID");
        assertEquals("verbsstats-app-1", json.get("Name").asText());
        assertTrue(json.get("MemUsage").asText().endsWith(" / 40MiB"), json.toString());
        assertEquals(List.of("BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO", "PIDs"),
                iterable(json.fieldNames()), "docker's json field order");

        VerbsHarness.Run bad = h.jcompose("stats", "--no-stream", "--format", "{{.Bogus}}");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("can't evaluate \".Bogus\""), bad.err());
        h.ok("down", "-t", "0");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
