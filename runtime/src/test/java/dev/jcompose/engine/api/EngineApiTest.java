package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's system endpoints, called by the real docker CLI and by a plain HTTP client over the socket. */
class EngineApiTest {
    @TempDir
    Path dir;
    private Engine engine;

    @BeforeEach
    void start() throws IOException {
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
    }

    @AfterEach
    void stop() {
        engine.close();
        assertFalse(Files.exists(engine.config().socket()), "the socket is removed on close");
    }

    @Test
    void writesItsPidFile() throws IOException {
        assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readString(engine.config().pidFile()).trim());
    }

    @Test
    void theDockerCliTalksToIt() throws Exception {
        Path docker = findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI on PATH (a client only is enough)");
        String host = "unix://" + engine.config().socket();
        assertEquals(Engine.VERSION, run(docker.toString(), "-H", host, "version", "--format", "{{.Server.Version}}"));
        assertEquals("linux " + Engine.VERSION, run(docker.toString(), "-H", host, "info", "--format", "{{.OSType}} {{.ServerVersion}}"));
    }

    @Test
    void unknownPathsGetDockersErrorShape() throws Exception {
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(ClientConnector.forUnixDomain(engine.config().socket())));
        client.start();
        try {
            ContentResponse ping = client.GET("http://localhost/_ping");
            assertEquals(200, ping.getStatus());
            assertEquals("OK", ping.getContentAsString());
            assertEquals(SystemRoutes.API_VERSION, ping.getHeaders().get("Api-Version"));
            ContentResponse version = client.GET("http://localhost/v1.47/version");
            assertEquals(200, version.getStatus());
            assertTrue(version.getContentAsString().endsWith("}\n"), "the whole JSON body arrives: " + version.getContentAsString());
            ContentResponse missing = client.GET("http://localhost/v1.47/nothing/here");
            assertEquals(404, missing.getStatus());
            assertTrue(missing.getContentAsString().contains("\"message\":\"page not found\""), missing.getContentAsString());
        } finally {
            client.stop();
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "docker CLI finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    static Path findOnPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
