package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A root test's world: its own engine (own state root) with the busybox image as {@code tiny:1},
 * a project directory, and the jcompose CLI run as a real process against that engine, either to
 * completion ({@link #run}) or in the background ({@link #spawn}) for attached {@code up} and {@code logs -f}.
 */
final class CliFixture implements AutoCloseable {
    record Run(int code, String out, String err) {
    }

    /** A CLI process running in the background, its output going to files. */
    final class Background implements AutoCloseable {
        final Process process;
        final Path out;
        final Path err;

        Background(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        String out() throws IOException {
            return Files.readString(out);
        }

        String err() throws IOException {
            return Files.readString(err);
        }

        /** Waits until stdout satisfies {@code ok}; fails with what was printed after {@code seconds}. */
        String awaitOut(Predicate<String> ok, int seconds, String what) throws Exception {
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < deadline) {
                if (ok.test(out())) {
                    return out();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("timed out waiting for " + what + "\nstdout:\n" + out() + "\nstderr:\n" + err());
        }

        void signal(String name) throws Exception {
            // busybox's kill: the tests already need busybox-static, so no other package is needed for signals
            Process kill = new ProcessBuilder("/bin/busybox", "kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -" + name + " " + process.pid());
        }

        int awaitExit(int seconds) throws Exception {
            assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "the CLI did not exit within " + seconds + "s; stderr:\n" + err());
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    final Path dir;
    final Engine engine;

    private CliFixture(Path dir, Engine engine) {
        this.dir = dir;
        this.engine = engine;
    }

    static CliFixture start(Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        Engine engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        BusyboxImage.install(engine.images(), "docker.io/library/tiny:1");
        return new CliFixture(dir, engine);
    }

    void compose(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
    }

    private ProcessBuilder builder(String... args) {
        ProcessBuilder pb = new ProcessBuilder(dev.jcompose.cli.CliProcessCommand.of(args)).directory(dir.toFile());
        pb.environment().put("JCOMPOSE_HOST", "unix://" + engine.config().socket());
        pb.environment().put("JCOMPOSE_DNS_UPSTREAM", "none");
        return pb;
    }

    Background spawn(String... args) throws IOException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        return new Background(builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    Run run(String... args) throws Exception {
        try (Background b = spawn(args)) {
            assertTrue(b.process.waitFor(120, TimeUnit.SECONDS), String.join(" ", args) + " timed out");
            return new Run(b.process.exitValue(), b.out(), b.err());
        }
    }

    String ok(String... args) throws Exception {
        Run r = run(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + ": " + r.err() + r.out());
        return r.out();
    }

    /** Whether the engine's store has an image by this name or ID. */
    boolean hasImage(String name) {
        return engine.images().find(name).isPresent();
    }

    boolean running(String container) {
        return engine.containers().inspect(container).state().running();
    }

    @Override
    public void close() {
        engine.removeEverything();
        engine.close();
    }
}
