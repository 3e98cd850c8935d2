package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.image.registry.OciImages;
import dev.jcompose.engine.image.registry.RegistryFixture;
import java.nio.file.Path;
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
    private RegistryFixture registry;
    private OciImages images;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: umoci unpack and containers");
        String missing = RegistryFixture.missingTools();
        assumeTrue(missing == null, missing);
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI (client only)");
        registry = RegistryFixture.start(dir.resolve("registry"));
        images = new OciImages(dir.resolve("build"));
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
            registry.close();
        }
    }

    @Test
    void pullByTagAndDigestThenRun() throws Exception {
        images.busybox("tiny", "ln -s busybox bin/echo");
        images.push("tiny", registry.host() + "/tiny:1");
        String ref = registry.host() + "/tiny:1";
        String pulled = cli.ok("pull", ref);
        assertTrue(pulled.contains("Pull complete") && pulled.contains("Digest: sha256:"), pulled);
        String id = cli.ok("image", "inspect", "--format", "{{.Id}}", ref);
        String digestRef = cli.ok("image", "inspect", "--format", "{{index .RepoDigests 0}}", ref);
        assertTrue(digestRef.startsWith(registry.host() + "/tiny@sha256:"), digestRef);
        String again = cli.ok("pull", ref);
        assertTrue(again.contains("Already exists") || again.contains("Digest:"), again);
        assertEquals(id, cli.ok("image", "inspect", "--format", "{{.Id}}", ref), "the same image, by config digest");
        String byDigest = cli.ok("pull", digestRef);
        assertTrue(byDigest.contains("Digest: " + digestRef.substring(digestRef.indexOf('@') + 1)), byDigest);
        assertEquals(id, cli.ok("image", "inspect", "--format", "{{.Id}}", digestRef), "pulled by digest: the same image");

        images.push("tiny", registry.host() + "/tiny:v2s2", "--format", "v2s2");
        assertEquals("application/vnd.docker.distribution.manifest.v2+json",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(images.remoteManifest(registry.host() + "/tiny:v2s2"))
                        .path("mediaType").asText(), "skopeo pushed a Docker v2 schema 2 manifest");
        String v2s2 = cli.ok("pull", registry.host() + "/tiny:v2s2");
        assertTrue(v2s2.contains("Digest: sha256:"), v2s2);
        assertEquals(id, cli.ok("image", "inspect", "--format", "{{.Id}}", registry.host() + "/tiny:v2s2"),
                "the Docker-format manifest names the same config: the same image");
        cli.ok("run", "-d", "--name", "p1", ref, "sh", "-c", "echo pulled-and-running; sleep 5");
        long deadline = System.currentTimeMillis() + 5000;
        String logs = "";
        while (System.currentTimeMillis() < deadline && !logs.contains("pulled-and-running")) {
            logs = cli.ok("logs", "p1");
            Thread.sleep(100);
        }
        assertEquals("pulled-and-running", logs);
        DockerCli.Result missing = cli.run("pull", registry.host() + "/nope:1");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("not found"), missing.err());
    }
}
