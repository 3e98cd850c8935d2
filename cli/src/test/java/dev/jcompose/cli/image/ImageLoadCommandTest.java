package dev.jcompose.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.image.store.ImageRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jcompose image load} of an OCI archive and an OCI layout directory made by umoci + skopeo, against a real engine. */
@Tag("root")
class ImageLoadCommandTest {
    @TempDir
    Path dir;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: layer ownership in the engine's store");
        for (String tool : List.of("/usr/bin/umoci", "/usr/bin/skopeo", "/bin/busybox")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), "needs " + tool + " (Debian packages umoci, skopeo, busybox-static)");
        }
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        sh("umoci init --layout oci && umoci new --image oci:1 && umoci unpack --image oci:1 bundle >/dev/null"
                + " && mkdir -p bundle/rootfs/bin && cp /bin/busybox bundle/rootfs/bin/ && ln -s busybox bundle/rootfs/bin/sh"
                + " && umoci repack --image oci:1 bundle && umoci config --image oci:1 --config.cmd sh");
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

    private record Run(int code, String out, String err) {
    }

    private Run jcompose(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.jcompose.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("JCOMPOSE_HOST", "unix://" + engine.config().socket());
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args) + " timed out");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void loadsAnOciArchiveAndAnOciLayoutDirectory() throws Exception {
        String config = "sha256:" + sh("skopeo inspect --config --raw oci:oci:1 | sha256sum | cut -c1-64");
        sh("skopeo copy --quiet oci:oci:1 oci-archive:tiny.tar:example.com/cli-load:tar"
                + " && skopeo copy --quiet oci:oci:1 oci:layout:example.com/cli-load:dir");

        Run tar = jcompose("image", "load", "-i", dir.resolve("tiny.tar").toString());
        assertEquals(0, tar.code(), tar.err());
        assertEquals("Loaded image: example.com/cli-load:tar\n", tar.out());
        ImageRecord r = engine.images().find("example.com/cli-load:tar").orElseThrow();
        assertEquals(config, r.id().toString(), "image ID = the OCI config digest");
        assertTrue(Files.isRegularFile(engine.images().layers().get(r.topChainId()).orElseThrow().diffDir().resolve("bin/busybox")));

        Run layout = jcompose("image", "load", "-i", dir.resolve("layout").toString());
        assertEquals(0, layout.code(), layout.err());
        assertEquals("Loaded image: example.com/cli-load:dir\n", layout.out());
        assertEquals(List.of("example.com/cli-load:tar", "example.com/cli-load:dir"),
                engine.images().find("example.com/cli-load:dir").orElseThrow().repoTags(), "the same image got both names");

        Run inspect = jcompose("image", "inspect", "example.com/cli-load:dir");
        assertEquals(0, inspect.code(), inspect.err());
        com.fasterxml.jackson.databind.JsonNode shown = new com.fasterxml.jackson.databind.ObjectMapper().readTree(inspect.out()).get(0);
        assertEquals(config, shown.path("Id").asText());
        assertEquals("[\"sh\"]", shown.path("Config").path("Cmd").toString());

        Run rm = jcompose("image", "rm", "example.com/cli-load:dir");
        assertEquals(0, rm.code(), rm.err());
        assertEquals("Untagged: example.com/cli-load:dir\n", rm.out());
        assertEquals(List.of("example.com/cli-load:tar"), engine.images().find(config).orElseThrow().repoTags());

        Files.createDirectories(dir.resolve("plain"));
        Run notLayout = jcompose("image", "load", "-i", dir.resolve("plain").toString());
        assertNotEquals(0, notLayout.code());
        assertTrue(notLayout.err().contains("has no oci-layout file"), notLayout.err());
    }
}
