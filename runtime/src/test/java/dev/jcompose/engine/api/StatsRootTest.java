package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker stats} against the engine: the real docker CLI's {@code --no-stream} table and format fields for a
 * running container with a memory limit on a network of its own, and the raw API's {@code stream=false} (two samples,
 * {@code precpu_stats} filled) and {@code one-shot} answers.
 */
@Tag("root")
class StatsRootTest {
    private static final String IMAGE = "engine-stats:1";

    @TempDir
    Path dir;
    private DockerCliEngine world;

    @BeforeEach
    void start() throws Exception {
        world = DockerCliEngine.start(dir, IMAGE);
    }

    @AfterEach
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void dockerStatsShowsARunningContainerWithItsMemoryLimit() throws Exception {
        world.cli().ok("network", "create", "--subnet", "10.231.44.0/24", "engine-stats-net");
        String id = world.cli().ok("run", "-d", "--network", "engine-stats-net", "--name", "engine-stats-mem", "--memory", "48m",
                IMAGE, "sleep", "60");

        String table = world.cli().ok("stats", "--no-stream");
        String[] lines = table.split("\n");
        assertTrue(lines[0].matches("CONTAINER ID\\s+NAME\\s+CPU %\\s+MEM USAGE / LIMIT\\s+MEM %\\s+NET I/O\\s+BLOCK I/O\\s+PIDS"), table);
        assertEquals(2, lines.length, table);
        assertTrue(lines[1].startsWith(id.substring(0, 12) + "   engine-stats-mem "), table);
        assertTrue(lines[1].contains(" / 48MiB "), "the memory limit in the row: " + table);

        String fields = world.cli().ok("stats", "--no-stream", "--format",
                "{{.Name}}|{{.MemUsage}}|{{.MemPerc}}|{{.PIDs}}|{{.NetIO}}|{{.BlockIO}}|{{.CPUPerc}}", "engine-stats-mem");
        String[] f = fields.split("\\|");
        assertEquals("engine-stats-mem", f[0], fields);
        assertTrue(f[1].matches("[0-9.]+[KMG]?i?B / 48MiB"), fields);
        assertTrue(f[2].matches("[0-9.]+%") && !f[2].equals("0.00%"), "a sleeping shell uses some of 48 MiB: " + fields);
        assertEquals("1", f[3], "PIDs: " + fields);
        assertTrue(f[4].matches("[0-9.]+[kMG]?B / [0-9.]+[kMG]?B"), "NET I/O from the container's eth0: " + fields);
        assertTrue(f[5].matches("[0-9.]+[kMG]?B / [0-9.]+[kMG]?B"), fields);
        assertTrue(f[6].matches("[0-9.]+%"), fields);

        JsonNode frame = new ObjectMapper().readTree(get("/containers/" + id + "/stats?stream=false"));
        assertEquals(50331648L, frame.get("memory_stats").get("limit").asLong());
        assertTrue(frame.get("memory_stats").get("usage").asLong() > 0, frame.toString());
        assertTrue(frame.get("precpu_stats").get("system_cpu_usage").asLong() > 0, "stream=false waits for a second sample: " + frame);
        assertTrue(frame.get("cpu_stats").get("system_cpu_usage").asLong() > frame.get("precpu_stats").get("system_cpu_usage").asLong());
        assertTrue(frame.get("networks").has("eth0"), frame.toString());
        assertEquals("/engine-stats-mem", frame.get("name").asText());

        JsonNode oneShot = new ObjectMapper().readTree(get("/containers/" + id + "/stats?stream=false&one-shot=true"));
        assertEquals("0001-01-01T00:00:00Z", oneShot.get("preread").asText(), "one-shot takes a single sample");
        assertEquals(1, oneShot.get("pids_stats").get("current").asInt());

        List<JsonNode> streamed = firstFrames("/containers/" + id + "/stats", 2);
        assertEquals(streamed.get(0).get("read").asText(), streamed.get(1).get("preread").asText(), "stream: each frame follows the one before");
        assertEquals(streamed.get(0).get("cpu_stats"), streamed.get(1).get("precpu_stats"));

        world.cli().ok("rm", "-f", id);
        world.cli().ok("network", "rm", "engine-stats-net");
    }

    @Test
    void aStoppedContainerGetsAnEmptyFrameAndAllShowsIt() throws Exception {
        String id = world.cli().ok("create", "--network", "none", "--name", "engine-stats-idle", IMAGE, "true");
        JsonNode frame = new ObjectMapper().readTree(get("/containers/" + id + "/stats?stream=false"));
        assertEquals("0001-01-01T00:00:00Z", frame.get("read").asText());
        assertEquals("/engine-stats-idle", frame.get("name").asText());

        String all = world.cli().ok("stats", "--no-stream", "-a", "--format", "{{.Name}} {{.CPUPerc}} {{.MemUsage}}");
        assertEquals("engine-stats-idle 0.00% 0B / 0B", all.strip(), "docker's row for a container that is not running");
        world.cli().ok("rm", id);
    }

    /** The first {@code n} JSON frames of a streamed GET (one per line inside the chunks); the connection is then closed. */
    private List<JsonNode> firstFrames(String path, int n) throws Exception {
        List<JsonNode> frames = new ArrayList<>();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(world.engine().config().socket()));
            ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: engine\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && frames.size() < n; line = in.readLine()) {
                if (line.startsWith("{")) {
                    frames.add(new ObjectMapper().readTree(line));
                }
            }
        }
        assertEquals(n, frames.size(), "frames before the stream ended");
        return frames;
    }

    /** A GET over the engine's socket; the body (chunks joined). */
    private String get(String path) throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(world.engine().config().socket()));
            ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: engine\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(ch);
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String body = response.substring(split + 4);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            return head.toLowerCase().contains("transfer-encoding: chunked") ? dechunk(body) : body;
        }
    }

    private static String dechunk(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
            if (size == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.writeBytes(body.substring(eol + 2, eol + 2 + size).getBytes(StandardCharsets.UTF_8));
            at = eol + 2 + size + 2;
        }
    }
}
