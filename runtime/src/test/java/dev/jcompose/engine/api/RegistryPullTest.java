package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker pull through the engine from a real registry on loopback (Debian's docker-registry), images pushed by skopeo. */
@Tag("root")
class RegistryPullTest {
    @TempDir
    Path dir;
    private Engine engine;
    private DockerCli cli;
    private Process registry;
    private int port;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: umoci unpack and containers");
        for (String tool : List.of("/usr/bin/docker-registry", "/usr/bin/umoci", "/usr/bin/skopeo", "/bin/busybox")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), "needs " + tool + " (Debian packages docker-registry, umoci, skopeo, busybox-static)");
        }
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI (client only)");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("registry.yml"), "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage")
                + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
        registry = new ProcessBuilder("/usr/bin/docker-registry", "serve", dir.resolve("registry.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException e) {
                assertTrue(System.currentTimeMillis() < deadline, "the registry did not start: " + Files.readString(dir.resolve("registry.log")));
                Thread.sleep(100);
            }
        }
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        cli = new DockerCli(docker, engine.config().socket(), dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.removeEverything();
            engine.close();
        }
        if (registry != null) {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-ec", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script);
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void pullByTagAndDigestThenRun() throws Exception {
        sh("umoci init --layout oci && umoci new --image oci:1 && umoci unpack --image oci:1 bundle"
                + " && mkdir -p bundle/rootfs/bin && cp /bin/busybox bundle/rootfs/bin/ && ln -s busybox bundle/rootfs/bin/sh"
                + " && ln -s busybox bundle/rootfs/bin/echo && umoci repack --image oci:1 bundle"
                + " && umoci config --image oci:1 --config.cmd sh --config.env PATH=/bin"
                + " && skopeo copy --quiet --dest-tls-verify=false oci:oci:1 docker://127.0.0.1:" + port + "/tiny:1");
        String ref = "127.0.0.1:" + port + "/tiny:1";
        String pulled = cli.ok("pull", ref);
        assertTrue(pulled.contains("Pull complete") && pulled.contains("Digest: sha256:"), pulled);
        String id = cli.ok("image", "inspect", "--format", "{{.Id}}", ref);
        String digestRef = cli.ok("image", "inspect", "--format", "{{index .RepoDigests 0}}", ref);
        assertTrue(digestRef.startsWith("127.0.0.1:" + port + "/tiny@sha256:"), digestRef);
        String again = cli.ok("pull", ref);
        assertTrue(again.contains("Already exists") || again.contains("Digest:"), again);
        assertEquals(id, cli.ok("image", "inspect", "--format", "{{.Id}}", ref), "the same image, by config digest");
        cli.ok("run", "-d", "--name", "p1", ref, "sh", "-c", "echo pulled-and-running; sleep 5");
        long deadline = System.currentTimeMillis() + 5000;
        String logs = "";
        while (System.currentTimeMillis() < deadline && !logs.contains("pulled-and-running")) {
            logs = cli.ok("logs", "p1");
            Thread.sleep(100);
        }
        assertEquals("pulled-and-running", logs);
        DockerCli.Result missing = cli.run("pull", "127.0.0.1:" + port + "/nope:1");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("not found"), missing.err());
    }
}
