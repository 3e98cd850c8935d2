package dev.jcompose.cli.engine;

import dev.jcompose.engine.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Connects the CLI to its engine, starting the engine detached (its own session, logging to
 * {@code <root>/engine.log}) when nothing answers on the socket, as docker compose users expect a
 * daemon to "just be there".
 */
public final class EngineStarter {
    private static final long START_TIMEOUT_MILLIS = 15_000;

    private final EngineConfig config;
    private final List<String> engineCommand;

    /**
     * @param engineCommand the command that runs the engine in the foreground for this config,
     *                      e.g. {@code java -jar jcompose.jar engine --root R --run-dir D}
     */
    public EngineStarter(EngineConfig config, List<String> engineCommand) {
        this.config = config;
        this.engineCommand = List.copyOf(engineCommand);
    }

    /**
     * A small, steady daemon: serial GC, C1 only, a bounded heap (the engine's state is on disk), and
     * the C heap trimmed every 5 s (the JIT's and start-up's freed malloc memory goes back to the
     * system: about 13 MB of an idle engine's RSS). Options a JDK does not know are ignored
     * (TrimNativeHeapInterval is in 17.0.9 and later), so an older JDK still starts the engine.
     */
    static final List<String> ENGINE_JVM_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xms8m", "-Xmx256m", "-XX:ReservedCodeCacheSize=32m", "-XX:TrimNativeHeapInterval=5000");

    /** The command line that runs this JVM's jcompose as an engine for {@code config}. */
    public static List<String> selfCommand(EngineConfig config) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ENGINE_JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.jcompose.cli.Main");
        cmd.addAll(List.of("engine", "--root", config.root().toString(), "--run-dir", config.runDir().toString()));
        return cmd;
    }

    /** A client for a running engine, started first if needed. */
    public EngineClient connect() {
        EngineClient client = EngineClient.open(config.socket());
        if (Files.exists(config.socket()) && client.ping(2_000)) {
            return client;
        }
        start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(config.socket()) && client.ping(500)) {
                return client;
            }
            sleep(50);
        }
        client.close();
        throw new EngineException("starting the jcompose engine: no answer on " + config.socket() + " after "
                + START_TIMEOUT_MILLIS / 1000 + "s; see " + config.logFile() + lastLogLine(), null);
    }

    private void start() {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.addAll(List.of("/usr/bin/setsid", "-f")); // own session: a closing terminal does not take the engine down
        }
        cmd.addAll(engineCommand);
        try {
            Files.createDirectories(config.root());
            new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile().toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new EngineException("starting the jcompose engine (" + String.join(" ", engineCommand) + "): " + e.getMessage(), e);
        }
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(config.logFile());
            return lines.isEmpty() ? "" : " (last line: " + lines.get(lines.size() - 1) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
