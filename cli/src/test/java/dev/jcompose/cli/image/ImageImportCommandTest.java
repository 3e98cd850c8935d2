package dev.jcompose.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.shim.BusyboxRootfs;
import java.io.File;
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

/** {@code jcompose image import} from a file and from stdin, with --change and -m, against a real engine. */
@Tag("root")
class ImageImportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: layer ownership in the engine's store");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian package busybox-static)");
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
        Process tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "-czf", dir.resolve("rootfs.tgz").toString(), ".").inheritIO().start();
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0, "tar of the busybox rootfs");
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.removeEverything();
            engine.close();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run jcompose(File stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.jcompose.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("JCOMPOSE_HOST", "unix://" + engine.config().socket());
        if (stdin != null) {
            pb.redirectInput(stdin);
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args) + " timed out");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private JsonNode config(ImageRecord r) throws Exception {
        return JSON.readTree(engine.images().blobs().read(r.id()));
    }

    @Test
    void importFromFileAndStdinWithChanges() throws Exception {
        Run file = jcompose(null, "image", "import", "--change", "CMD [\"sh\", \"-c\", \"echo hi\"]", "-c", "ENV A=1 B=\"two words\"",
                "-c", "WORKDIR /srv", "-c", "USER nobody", "-c", "EXPOSE 80", "-m", "made by the cli test",
                dir.resolve("rootfs.tgz").toString(), "example.com/cli-import:1");
        assertEquals(0, file.code(), file.err());
        ImageRecord r = engine.images().find("example.com/cli-import:1").orElseThrow();
        assertEquals(r.id() + "\n", file.out(), "prints the new image's ID, as docker import");
        JsonNode c = config(r);
        assertEquals("[\"sh\",\"-c\",\"echo hi\"]", c.path("config").path("Cmd").toString());
        assertEquals("[\"A=1\",\"B=two words\"]", c.path("config").path("Env").toString());
        assertEquals("/srv nobody {\"80/tcp\":{}}", c.path("config").path("WorkingDir").asText() + " " + c.path("config").path("User").asText()
                + " " + c.path("config").path("ExposedPorts"));
        assertEquals("made by the cli test", c.path("history").get(0).path("comment").asText());
        assertTrue(Files.isRegularFile(engine.images().layers().get(r.topChainId()).orElseThrow().diffDir().resolve("bin/busybox")));

        Run stdin = jcompose(dir.resolve("rootfs.tgz").toFile(), "image", "import", "-");
        assertEquals(0, stdin.code(), stdin.err());
        ImageRecord dangling = engine.images().find(stdin.out().strip()).orElseThrow();
        assertEquals(List.of(), dangling.repoTags());
        assertEquals("Imported from -", config(dangling).path("history").get(0).path("comment").asText());

        Run bad = jcompose(null, "image", "import", "-c", "RUN rm -rf /", dir.resolve("rootfs.tgz").toString());
        assertNotEquals(0, bad.code());
        assertEquals("Error response from daemon: RUN is not a valid change command\n", bad.err());
        Run missing = jcompose(null, "image", "import", dir.resolve("nope.tar").toString());
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("open " + dir.resolve("nope.tar") + ": no such file or directory"), missing.err());
    }
}
