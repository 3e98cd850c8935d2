package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker load of archives made by real tools (umoci + skopeo from busybox-static): a {@code docker save}
 * archive and an OCI image layout tar ({@code oci-archive:}), then images, inspect, run, rmi.
 */
@Tag("root")
class ImageLoadTest {
    @TempDir
    Path dir;
    private Engine engine;
    private DockerCli cli;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: umoci unpack and containers");
        for (String tool : List.of("/usr/bin/umoci", "/usr/bin/skopeo", "/bin/busybox")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), "needs " + tool + " (Debian packages umoci, skopeo, busybox-static)");
        }
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI (client only)");
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        cli = new DockerCli(docker, engine.config().socket(), dir);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.removeEverything();
            engine.close();
        }
    }

    private String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-ec", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script);
        assertEquals(0, p.exitValue(), out);
        return out.trim();
    }

    /** An OCI layout {@code oci} with tag {@code 1}: busybox with sh and sleep, CMD sh, plus a second layer writing /etc/made-by. */
    private void buildBusybox() throws Exception {
        sh("umoci init --layout oci && umoci new --image oci:1 && umoci unpack --image oci:1 bundle"
                + " && mkdir -p bundle/rootfs/bin && cp /bin/busybox bundle/rootfs/bin/ && ln -s busybox bundle/rootfs/bin/sh"
                + " && ln -s busybox bundle/rootfs/bin/sleep && ln -s busybox bundle/rootfs/bin/cat && umoci repack --image oci:1 bundle"
                + " && rm -rf bundle && umoci unpack --image oci:1 bundle && mkdir bundle/rootfs/etc && echo umoci > bundle/rootfs/etc/made-by"
                + " && umoci repack --image oci:1 bundle && rm -rf bundle"
                + " && umoci config --image oci:1 --config.cmd sh --config.env PATH=/bin");
    }

    @Test
    void loadOciArchiveInspectRun() throws Exception {
        buildBusybox();
        sh("skopeo copy --quiet oci:oci:1 oci-archive:tiny-oci.tar:example.com/tiny:oci");
        String loaded = cli.ok("load", "-i", dir.resolve("tiny-oci.tar").toString());
        assertTrue(loaded.contains("Loaded image: example.com/tiny:oci"), loaded);
        assertEquals("example.com/tiny oci", cli.ok("images", "--format", "{{.Repository}} {{.Tag}}"));
        assertEquals("[sh] linux 2", cli.ok("image", "inspect", "--format", "{{.Config.Cmd}} {{.Os}} {{len .RootFS.Layers}}",
                "example.com/tiny:oci"));
        String configDigest = sh("skopeo inspect --config --raw oci:oci:1 | sha256sum | cut -c1-64");
        assertEquals("sha256:" + configDigest, cli.ok("image", "inspect", "--format", "{{.Id}}", "example.com/tiny:oci"),
                "the image ID is the config digest of the OCI image");
        assertEquals("umoci", cli.ok("run", "--rm", "example.com/tiny:oci", "cat", "/etc/made-by"));
        // loading the same archive again changes nothing; the image is still one
        cli.ok("load", "-i", dir.resolve("tiny-oci.tar").toString());
        assertEquals(1, cli.ok("images", "-q").lines().count());
        assertTrue(cli.ok("rmi", "example.com/tiny:oci").contains("Untagged: example.com/tiny:oci"));
    }

    @Test
    void loadOciArchiveWithBareTagLoadsUntagged() throws Exception {
        buildBusybox();
        sh("skopeo copy --quiet oci:oci:1 oci-archive:bare.tar:v1");
        String loaded = cli.ok("load", "-i", dir.resolve("bare.tar").toString());
        assertTrue(loaded.startsWith("Loaded image ID: sha256:"), loaded);
        assertEquals("<none> <none>", cli.ok("images", "--format", "{{.Repository}} {{.Tag}}"));
    }

    @Test
    void loadRejectsAnArchiveThatIsNeither() throws Exception {
        sh("mkdir junk && echo hi > junk/readme && tar -C junk -cf junk.tar .");
        DockerCli.Result r = cli.run("load", "-i", dir.resolve("junk.tar").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("neither manifest.json") && r.err().contains("oci-layout"), r.err());
    }

    @Test
    void loadImagesInspectRunRemove() throws Exception {
        buildBusybox();
        sh("skopeo copy --quiet oci:oci:1 docker-archive:tiny.tar:example.com/tiny:1");
        String loaded = cli.ok("load", "-i", dir.resolve("tiny.tar").toString());
        assertTrue(loaded.contains("Loaded image: example.com/tiny:1"), loaded);
        assertEquals("example.com/tiny 1", cli.ok("images", "--format", "{{.Repository}} {{.Tag}}"));
        assertEquals("[sh] linux", cli.ok("image", "inspect", "--format", "{{.Config.Cmd}} {{.Os}}", "example.com/tiny:1"));
        cli.ok("run", "-d", "--name", "c1", "example.com/tiny:1", "sleep", "30");
        DockerCli.Result inUse = cli.run("rmi", "example.com/tiny:1");
        assertNotEquals(0, inUse.code(), "an image used by a container is not removed");
        cli.ok("rm", "-f", "c1");
        assertTrue(cli.ok("rmi", "example.com/tiny:1").contains("Untagged: example.com/tiny:1"));
        assertEquals("", cli.ok("images", "-q"));
    }
}
