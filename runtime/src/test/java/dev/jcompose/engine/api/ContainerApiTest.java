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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container records through the real docker CLI: create, ps, inspect, rename, rm, and Docker's errors. */
class ContainerApiTest {
    @TempDir
    Path dir;
    private Engine engine;
    private String docker;

    @BeforeEach
    void start() throws IOException {
        Path cli = EngineApiTest.findOnPath("docker");
        assumeTrue(cli != null, "needs the docker CLI on PATH (a client only is enough)");
        docker = cli.toString();
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
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
        String id = ok("create", "--name", "web-1", "--label", "com.docker.compose.project=demo", "-e", "A=1", "tiny:1");
        assertEquals(64, id.length());
        assertEquals("web-1 Created", ok("ps", "-a", "--format", "{{.Names}} {{.Status}}"));
        assertEquals("", ok("ps", "--format", "{{.Names}}"), "only running containers without -a");
        assertEquals("web-1", ok("ps", "-a", "--filter", "label=com.docker.compose.project=demo", "--format", "{{.Names}}"));
        assertEquals("", ok("ps", "-a", "--filter", "label=com.docker.compose.project=other", "--format", "{{.Names}}"));
        assertEquals("[sh] [PATH=/bin A=1] 1", ok("inspect", "--format", "{{.Config.Cmd}} {{.Config.Env}} {{index .Config.Labels \"from.image\"}}", "web-1"));
        ok("rename", "web-1", "web-2");
        assertEquals(id, ok("inspect", "--format", "{{.Id}}", "web-2"));
        ok("rm", "web-2");
        assertEquals("", ok("ps", "-a", "-q"));
    }

    @Test
    void errorsAreDockers() throws Exception {
        ok("create", "--name", "db", "tiny:1");
        Result dup = run("create", "--name", "db", "tiny:1");
        assertNotEquals(0, dup.code);
        assertTrue(dup.err.contains("is already in use by container"), dup.err);
        Result missing = run("inspect", "nope");
        assertNotEquals(0, missing.code);
        assertTrue(missing.err.contains("No such container: nope") || missing.err.contains("No such object: nope"), missing.err);
    }

    private record Result(int code, String out, String err) {
    }

    private String ok(String... args) throws Exception {
        Result r = run(args);
        assertEquals(0, r.code, () -> String.join(" ", args) + ": " + r.err);
        return r.out.strip();
    }

    private Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(docker, "-H", "unix://" + engine.config().socket()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "docker " + String.join(" ", args) + " timed out");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
