package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containers outlive the engine: SIGKILL the engine (a separate process) while containers run and
 * print; they keep running and logging; a new engine shows them running, and the exit code of one
 * that ended meanwhile.
 */
@Tag("root")
class EngineRestartTest {
    @TempDir
    Path dir;
    private Process engineProcess;

    private Process startEngine() throws Exception {
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "-Djcompose.shim=" + System.getProperty("jcompose.shim"), EngineMain.class.getName(), dir.resolve("root").toString(),
                dir.resolve("run").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("engine.log")
                .toFile())).start();
        long deadline = System.currentTimeMillis() + 90_000; // a JVM start plus an image import, on a loaded CI machine
        while (!Files.exists(dir.resolve("run/jcompose.pid"))) {
            assertTrue(System.currentTimeMillis() < deadline, "engine did not start: " + Files.readString(dir.resolve("engine.log")));
            Thread.sleep(100);
        }
        return p;
    }

    /** Runs an engine until killed (the test's stand-in for {@code jcompose engine}). */
    public static final class EngineMain {
        public static void main(String[] args) throws Exception {
            Engine engine = new Engine(new EngineConfig(Path.of(args[0]), Path.of(args[1])));
            if (engine.images().find("docker.io/library/tiny:1").isEmpty()) {
                BusyboxImage.install(engine.images(), "docker.io/library/tiny:1");
            }
            engine.start();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private String docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", "unix://" + dir.resolve("run/jcompose.sock")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> String.join(" ", args) + ": " + out);
        return out;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (engineProcess != null && engineProcess.isAlive()) {
            engineProcess.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (Files.isDirectory(dir.resolve("root"))) {
            Engine engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run2")));
            engine.runtime().adopt();
            engine.removeEverything();
            engine.close();
        }
    }

    @Test
    void containersOutliveASigkilledEngine() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        assumeTrue(EngineApiTestAccess.docker() != null, "needs the docker CLI (client only)");
        engineProcess = startEngine();
        docker("run", "-d", "--name", "ticker", "tiny:1", "sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done");
        docker("run", "-d", "--name", "short", "tiny:1", "sh", "-c", "sleep 2; exit 5");
        Thread.sleep(600);
        engineProcess.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Files.delete(dir.resolve("run/jcompose.pid"));
        Thread.sleep(3000);
        engineProcess = startEngine();
        assertEquals("running", docker("inspect", "--format", "{{.State.Status}}", "ticker"));
        assertEquals("exited 5", docker("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "short"));
        String logs = docker("logs", "ticker");
        List<String> ticks = logs.lines().toList();
        assertTrue(ticks.size() >= 15, "lines written while the engine was away are there: " + ticks.size());
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals("tick " + (i + 1), ticks.get(i), "no line lost or reordered");
        }
        docker("stop", "-t", "1", "ticker");
        assertEquals("exited", docker("inspect", "--format", "{{.State.Status}}", "ticker"));
    }

    /** Where the docker CLI is (the API tests' lookup). */
    static final class EngineApiTestAccess {
        static Path docker() {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(d, "docker");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
            return null;
        }
    }
}
