package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.image.manifest.MediaTypes;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container records through the real docker CLI: create, ps, inspect, rename, rm, and Docker's errors. */
class ContainerApiTest {
    @TempDir
    Path dir;
    private Engine engine;
    private DockerCli cli;

    @BeforeEach
    void start() throws IOException {
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI on PATH (a client only is enough)");
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        cli = new DockerCli(docker, engine.config().socket(), dir);
        var blobs = engine.images().blobs();
        Digest config = blobs.putBytes("""
                {"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},
                 "config":{"Cmd":["sh"],"Env":["PATH=/bin"],"Labels":{"from.image":"1"}}}""".getBytes(StandardCharsets.UTF_8));
        Digest manifest = blobs.putBytes(("{\"config\":\"" + config + "\"}").getBytes(StandardCharsets.UTF_8));
        engine.images().commit(new ImageRecord(config, List.of("docker.io/library/tiny:1"), List.of(), manifest,
                MediaTypes.OCI_MANIFEST, null, "linux/amd64", List.of(), "", 0));
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void createListInspectRenameRemove() throws Exception {
        String id = cli.ok("create", "--name", "web-1", "--label", "com.docker.compose.project=demo", "-e", "A=1", "tiny:1");
        assertEquals(64, id.length());
        assertEquals("web-1 Created", cli.ok("ps", "-a", "--format", "{{.Names}} {{.Status}}"));
        assertEquals("", cli.ok("ps", "--format", "{{.Names}}"), "only running containers without -a");
        assertEquals("web-1", cli.ok("ps", "-a", "--filter", "label=com.docker.compose.project=demo", "--format", "{{.Names}}"));
        assertEquals("", cli.ok("ps", "-a", "--filter", "label=com.docker.compose.project=other", "--format", "{{.Names}}"));
        assertEquals("[sh] [PATH=/bin A=1] 1", cli.ok("inspect", "--format", "{{.Config.Cmd}} {{.Config.Env}} {{index .Config.Labels \"from.image\"}}", "web-1"));
        cli.ok("rename", "web-1", "web-2");
        assertEquals(id, cli.ok("inspect", "--format", "{{.Id}}", "web-2"));
        cli.ok("rm", "web-2");
        assertEquals("", cli.ok("ps", "-a", "-q"));
    }

    @Test
    void errorsAreDockers() throws Exception {
        cli.ok("create", "--name", "db", "tiny:1");
        DockerCli.Result dup = cli.run("create", "--name", "db", "tiny:1");
        assertNotEquals(0, dup.code());
        assertTrue(dup.err().contains("is already in use by container"), dup.err());
        DockerCli.Result missing = cli.run("inspect", "nope");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("No such container: nope") || missing.err().contains("No such object: nope"), missing.err());
    }
}
