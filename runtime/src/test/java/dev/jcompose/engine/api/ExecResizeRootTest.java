package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /exec/{id}/resize} reaches the pty of a running TTY exec (the shim applies the new size
 * on SIGWINCH), an exec's size starts as its {@code ConsoleSize}, and so does a TTY container's from
 * {@code HostConfig.ConsoleSize} on create (docker ≥ API 1.42 sends it); driven over plain HTTP.
 */
@Tag("root")
class ExecResizeRootTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Engine engine;
    private HttpClient http;
    private DockerCli cli;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI on PATH (a client only is enough)");
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        BusyboxImage.install(engine.images(), "docker.io/library/dockercli-tiny:1");
        cli = new DockerCli(docker, engine.config().socket(), dir);
        http = new HttpClient(new HttpClientTransportOverHTTP(ClientConnector.forUnixDomain(engine.config().socket())));
        http.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.stop();
        }
        if (engine != null) {
            engine.removeEverything();
            engine.close();
        }
    }

    private ContentResponse post(String path, String body) throws Exception {
        return http.newRequest("http://localhost" + path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body == null ? "" : body)).send();
    }

    @Test
    void resizeChangesTheSizeTheProcessSees() throws Exception {
        cli.ok("run", "-d", "--name", "dockercli-rs", "dockercli-tiny:1", "sleep", "60");
        ContentResponse created = post("/v1.47/containers/dockercli-rs/exec", """
                {"Cmd":["sh","-c","stty size > /tmp/before; sleep 2; stty size > /tmp/after"],"Tty":true,"ConsoleSize":[21,77]}""");
        assertEquals(201, created.getStatus(), created.getContentAsString());
        String id = JSON.readTree(created.getContent()).get("Id").asText();
        ContentResponse started = post("/v1.47/exec/" + id + "/start", "{\"Detach\":true,\"Tty\":true}");
        assertEquals(200, started.getStatus(), started.getContentAsString());
        Thread.sleep(700);
        ContentResponse resized = post("/v1.47/exec/" + id + "/resize?h=40&w=132", null);
        assertEquals(200, resized.getStatus(), resized.getContentAsString());
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode inspect = null;
        while (System.currentTimeMillis() < deadline) {
            inspect = JSON.readTree(http.GET("http://localhost/v1.47/exec/" + id + "/json").getContent());
            if (!inspect.get("Running").asBoolean()) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(0, inspect.get("ExitCode").asInt(), inspect.toString());
        assertEquals("21 77", cli.ok("exec", "dockercli-rs", "cat", "/tmp/before"), "the exec starts with its ConsoleSize");
        assertEquals("40 132", cli.ok("exec", "dockercli-rs", "cat", "/tmp/after"), "resize reached the pty");
        assertEquals(404, post("/v1.47/exec/nope/resize?h=1&w=1", null).getStatus());
        assertTrue(Files.list(engine.config().root().resolve("containers").resolve(cli.ok("inspect", "--format", "{{.Id}}", "dockercli-rs")))
                .noneMatch(p -> p.getFileName().toString().endsWith(".winsize")), "the size file goes with the exec");
        cli.ok("rm", "-f", "dockercli-rs");
    }

    @Test
    void aContainersPtyStartsWithTheConsoleSizeOfItsCreate() throws Exception {
        ContentResponse created = post("/v1.47/containers/create?name=dockercli-cs", """
                {"Image":"dockercli-tiny:1","Cmd":["sh","-c","stty size"],"Tty":true,"HostConfig":{"ConsoleSize":[33,101]}}""");
        assertEquals(201, created.getStatus(), created.getContentAsString());
        assertEquals(204, post("/v1.47/containers/dockercli-cs/start", null).getStatus());
        ContentResponse waited = post("/v1.47/containers/dockercli-cs/wait", null);
        assertEquals(0, JSON.readTree(waited.getContent()).get("StatusCode").asInt(), waited.getContentAsString());
        assertEquals("33 101", cli.ok("logs", "dockercli-cs"), "stty in PID 1 sees the size asked on create");
        cli.ok("rm", "-f", "dockercli-cs");
    }
}
