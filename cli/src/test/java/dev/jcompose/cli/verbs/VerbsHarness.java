package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test's own engine (its own state root under {@code dir}) with the busybox image {@code tiny:1},
 * and the jcompose CLI run as a separate process against it in {@code dir}.
 */
final class VerbsHarness implements AutoCloseable {
    record Run(int code, String out, String err) {
    }

    final Path dir;
    final Engine engine;

    private VerbsHarness(Path dir, Engine engine) {
        this.dir = dir;
        this.engine = engine;
    }

    static VerbsHarness start(Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        Engine engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        BusyboxImage.install(engine.images(), "docker.io/library/tiny:1");
        return new VerbsHarness(dir, engine);
    }

    void compose(String yaml) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
    }

    /** Starts jcompose with {@code args}; the caller waits for it (for streams such as events). */
    Process spawn(Path out, Path err, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.jcompose.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("JCOMPOSE_HOST", "unix://" + engine.config().socket());
        pb.environment().put("JCOMPOSE_DNS_UPSTREAM", "none");
        pb.environment().put("VERBS_FROM_CALLER", "from-caller");
        return pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }

    Run jcompose(String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = spawn(out, err, args);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args) + " timed out");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    String ok(String... args) throws Exception {
        Run r = jcompose(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + ": " + r.err() + r.out());
        return r.out();
    }

    /** Everything gone: containers (with their cgroups and mounts), networks and bridges. */
    @Override
    public void close() {
        engine.removeEverything();
        engine.close();
    }
}
