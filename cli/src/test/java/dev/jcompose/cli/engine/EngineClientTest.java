package dev.jcompose.cli.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.api.ApiServer;
import dev.jcompose.engine.api.Router;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI's engine client against the engine's own API server (Jetty on a Unix socket), no root needed. */
class EngineClientTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    private final CountDownLatch release = new CountDownLatch(1);
    private Path dir;
    private ApiServer server;
    private EngineClient client;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory("startup-client");
        Router router = new Router()
                .add("GET", "/_ping", ex -> ex.sendText(200, "text/plain", "OK"))
                .add("GET", "/info", ex -> ex.sendJson(200, Map.of("Name", "startup", "N", 3)))
                .add("POST", "/echo", ex -> ex.sendJson(201, ex.bodyJson(JsonNode.class)))
                .add("PUT", "/upload", ex -> {
                    ex.setHeader("X-Size", Long.toString(ex.body().transferTo(OutputStream.nullOutputStream())));
                    ex.sendStatus(200);
                })
                .add("HEAD", "/stat", ex -> {
                    ex.setHeader("X-Docker-Container-Path-Stat", "e30=");
                    ex.sendStatus(200);
                })
                .add("DELETE", "/gone", ex -> ex.sendStatus(204))
                .add("GET", "/messages", ex -> {
                    try (OutputStream out = ex.openStream(200, "application/json")) {
                        out.write("{\"status\":\"one\"}\r\n{\"status\":\"two\"}\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        out.write("{\"error\":\"it broke\",\"errorDetail\":{\"message\":\"it broke: detail\"}}".getBytes(StandardCharsets.UTF_8));
                    }
                })
                .add("GET", "/follow", ex -> {
                    OutputStream out = ex.openStream(200, "application/vnd.docker.raw-stream");
                    out.write("first\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    await(release);
                    try {
                        out.write("after the client left\n".getBytes(StandardCharsets.UTF_8));
                        out.close();
                    } catch (IOException e) {
                        // the client closed its end, as it should
                    }
                })
                .add("GET", "/slow", ex -> {
                    await(release);
                    ex.sendStatus(200);
                });
        server = new ApiServer(dir.resolve("s.sock"), router, new ObjectMapper());
        server.start();
        client = EngineClient.open(dir.resolve("s.sock"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        client.close();
        server.close();
        Files.deleteIfExists(dir.resolve("s.sock"));
        Files.deleteIfExists(dir);
    }

    @Test
    void jsonCallsAndTheEnginesErrorMessage() {
        assertTrue(client.ping(30_000));
        assertEquals("startup", client.get("/info").path("Name").asText());
        assertEquals(3, client.get("/info").path("N").asInt());
        assertEquals("b", client.post("/echo", Map.of("a", "b", "list", List.of(1, 2))).path("a").asText());
        assertTrue(client.delete("/gone").isNull(), "204: no body");
        EngineException e = assertThrows(EngineException.class, () -> client.get("/nothing/here"));
        assertEquals(404, e.status());
        assertEquals("page not found", e.getMessage());
    }

    @Test
    void aStreamedBodyGoesChunkedAndHeadersComeBack() throws IOException {
        byte[] tar = new byte[300_000];
        for (int i = 0; i < tar.length; i++) {
            tar[i] = (byte) i;
        }
        try (var resp = client.exchange(HttpMethod.PUT, "/upload", new ByteArrayInputStream(tar), "application/x-tar")) {
            assertEquals(200, resp.status());
            assertEquals("300000", resp.headers().get("X-Size"));
        }
        try (var resp = assertTimeoutPreemptively(HANG, () -> client.exchange(HttpMethod.HEAD, "/stat", null, null))) {
            assertEquals("e30=", resp.headers().get("X-Docker-Container-Path-Stat"));
            assertArrayEquals(new byte[0], resp.body().readAllBytes(), "HEAD: no body is read, even with a length");
        }
    }

    @Test
    void jsonMessageStreamsEndAtAnErrorMessage() {
        List<String> seen = new ArrayList<>();
        EngineException e = assertThrows(EngineException.class,
                () -> client.stream(HttpMethod.GET, "/messages", null, null, m -> seen.add(m.path("status").asText())));
        assertEquals(List.of("one", "two"), seen);
        assertEquals("it broke: detail", e.getMessage());
    }

    @Test
    void closingAFollowedStreamReturnsWithoutReadingToTheEnd() throws IOException {
        InputStream in = client.openRaw("/follow");
        // readNBytes ends with a read of 0 bytes, which must not wait for the next byte of a followed stream
        byte[] first = assertTimeoutPreemptively(HANG, () -> in.readNBytes(6));
        assertEquals("first\n", new String(first, StandardCharsets.UTF_8));
        assertEquals(0, assertTimeoutPreemptively(HANG, () -> in.read(new byte[1], 0, 0)));
        assertTimeoutPreemptively(HANG, in::close);
    }

    @Test
    void aPingThatGetsNoAnswerInTimeIsFalseAndACallToNoEngineSaysWhere() {
        // /_ping answers at once; a route that does not answer stands for a hung engine
        EngineException e = assertThrows(EngineException.class, () -> EngineClient.open(dir.resolve("none.sock")).get("/info"));
        assertTrue(e.getMessage().startsWith("GET /info on " + dir.resolve("none.sock")), e.getMessage());
        assertFalse(EngineClient.open(dir.resolve("none.sock")).ping(1_000));
        assertTimeoutPreemptively(HANG, () -> assertFalse(UnixHttpProbe.answers(dir.resolve("s.sock"), "/slow", 300)));
    }

    /** Reaches the package-private transport to aim a deadline at a route that never answers. */
    private static final class UnixHttpProbe {
        static boolean answers(Path socket, String path, long millis) {
            try (UnixHttp.Response r = UnixHttp.exchange(socket, "GET", path, null, millis)) {
                return r.status() == 200;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
