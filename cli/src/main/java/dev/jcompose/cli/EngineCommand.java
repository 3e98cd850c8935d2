package dev.jcompose.cli;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.UsernsRemap;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose engine}: runs the engine in the foreground (for systemd or debugging) until SIGTERM/SIGINT. */
@Command(name = "engine", description = "Run the jcompose engine in the foreground")
final class EngineCommand implements Callable<Integer> {

    @Option(names = "--root", paramLabel = "DIR", description = "State directory (default $JCOMPOSE_ROOT or /var/lib/jcompose)")
    Path root;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Runtime directory for the socket and pid file (default $JCOMPOSE_RUN_DIR or /run/jcompose)")
    Path runDir;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Registry to pull from over plain HTTP (repeatable; default $JCOMPOSE_INSECURE_REGISTRIES, comma-separated)")
    List<String> insecureRegistries;

    @Option(names = "--userns-remap", paramLabel = "default|USER[:GROUP]|UID:GID:SIZE",
            description = "User/Group setting for user namespaces, as dockerd's (from /etc/subuid and /etc/subgid; UID:GID:SIZE: "
                    + "an explicit range; default $JCOMPOSE_USERNS_REMAP)")
    String usernsRemap;

    @Override
    public Integer call() throws Exception {
        EngineConfig dflt = EngineConfig.fromEnvironment(System.getenv());
        EngineConfig config = new EngineConfig(root != null ? root : dflt.root(), runDir != null ? runDir : dflt.runDir(),
                insecureRegistries != null ? insecureRegistries : dflt.insecureRegistries(),
                remap(usernsRemap != null ? usernsRemap : System.getenv("JCOMPOSE_USERNS_REMAP")));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        Engine engine = new Engine(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }, "engine-shutdown"));
        engine.start();
        System.err.println("jcompose engine " + Engine.VERSION + " listening on unix://" + config.socket());
        stopped.await();
        return 0;
    }

    /** {@code --userns-remap}, else {@code JCOMPOSE_USERNS_REMAP}; null when neither is set. */
    private static dev.jcompose.engine.shim.UserNamespace remap(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UsernsRemap.parse(value, Path.of("/etc"));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
