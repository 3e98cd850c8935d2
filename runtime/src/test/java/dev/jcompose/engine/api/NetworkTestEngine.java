package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import dev.jcompose.engine.network.BridgeDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real engine on its own state root for the network tests, run as a separate process (so a
 * restart is a real one: SIGKILL, then a new engine re-adopting the running containers), driven
 * with the real docker CLI, with the busybox test image installed. {@link #close()} removes
 * everything it made and checks that no bridge of its networks and no mount under its root is left.
 */
final class NetworkTestEngine implements AutoCloseable {
    private final Path dir;
    private Process engine;
    final DockerCli cli;

    private NetworkTestEngine(Path dir, Path docker) throws Exception {
        this.dir = dir;
        this.engine = launch();
        this.cli = new DockerCli(docker, dir.resolve("run/jcompose.sock"), dir);
    }

    /** Skips (with the reason) unless root, busybox-static and the docker CLI are there. */
    static NetworkTestEngine start(Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: makes bridges, veths and containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI on PATH (a client only is enough)");
        return new NetworkTestEngine(dir, docker);
    }

    /** Runs an engine until killed (the test's stand-in for {@code jcompose engine}). */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            Engine engine = new Engine(new EngineConfig(Path.of(args[0]), Path.of(args[1])));
            if (engine.images().find("docker.io/library/tiny:1").isEmpty()) {
                BusyboxImage.install(engine.images(), "docker.io/library/tiny:1");
            }
            engine.start();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private Process launch() throws Exception {
        Files.deleteIfExists(dir.resolve("run/jcompose.pid"));
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "-Djcompose.shim=" + System.getProperty("jcompose.shim"), Main.class.getName(), dir.resolve("root").toString(),
                dir.resolve("run").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("engine.log").toFile())).start();
        long deadline = System.currentTimeMillis() + 90_000; // a JVM start on a loaded CI machine
        while (!Files.exists(dir.resolve("run/jcompose.pid"))) {
            assertTrue(p.isAlive() && System.currentTimeMillis() < deadline, () -> "engine did not start: " + log());
            Thread.sleep(100);
        }
        return p;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("engine.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** The engine's state root. */
    Path root() {
        return dir.resolve("root");
    }

    /** SIGKILLs the engine and starts a new one on the same state (containers keep running, held by their shims). */
    void restart() throws Exception {
        kill();
        engine = launch();
    }

    private void kill() throws InterruptedException {
        if (engine != null && engine.isAlive()) {
            engine.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The container's log once it contains {@code needle} (waits up to 10 s; then what it has). */
    String logsWith(String container, String needle) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String logs = cli.ok("logs", container);
        while (!logs.contains(needle) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            logs = cli.ok("logs", container);
        }
        return logs;
    }

    /** Waits (up to 10 s) until the last complete {@code marker} block of the log has {@code needle}; returns the log. */
    String logsWithAfter(String container, String marker, String needle) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String logs = cli.ok("logs", container);
        while (System.currentTimeMillis() < deadline) {
            // the last complete block (between the last two markers): the one after them is still being written
            int last = logs.lastIndexOf(marker);
            int previous = last < 0 ? -1 : logs.lastIndexOf(marker, last - 1);
            if (previous >= 0 && logs.substring(previous, last).contains(needle)) {
                return logs;
            }
            Thread.sleep(100);
            logs = cli.ok("logs", container);
        }
        return logs;
    }

    /** {@code docker run -d --name NAME ARGS… tiny:1 sh -c "SCRIPT; echo ==done; exec sleep 60"}: the script's output is in the log. */
    void run(String name, String script, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name));
        args.addAll(List.of(options));
        args.addAll(List.of("tiny:1", "sh", "-c", script + "; echo ==done; exec sleep 60"));
        cli.ok(args.toArray(String[]::new));
    }

    /** What {@link #run}'s script printed, once it is done. */
    String output(String name) throws Exception {
        return logsWith(name, "==done");
    }

    /** The IPv4 address {@code container} has on {@code network}, from inspect. */
    String ip(String container, String network) throws Exception {
        return cli.ok("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}", container);
    }

    @Override
    public void close() throws Exception {
        kill();
        Engine last = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run2")));
        last.runtime().adopt();
        List<String> bridges = last.networks().list().stream().map(BridgeDriver::bridgeName).toList();
        last.removeEverything();
        last.close();
        for (String b : bridges) {
            assertTrue(!Files.exists(Path.of("/sys/class/net", b)), "bridge " + b + " is left behind");
        }
        assertEquals(List.of(), Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(l -> l.contains(dir.toString())).toList(),
                "mounts left behind");
    }
}
