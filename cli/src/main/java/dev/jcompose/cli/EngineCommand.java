package dev.jcompose.cli;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.UsernsRemap;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code jcompose engine}: runs the engine in the foreground (for systemd or debugging) until SIGTERM/SIGINT. */
final class EngineCommand extends Verb {

    Path root;
    Path runDir;
    List<String> insecureRegistries;

    String usernsRemap;

    static final CommandSpec SPEC = CommandSpec.command("engine", "Run the jcompose engine in the foreground")
            .option("DIR", "State directory (default $JCOMPOSE_ROOT or /var/lib/jcompose)", "--root")
            .option("DIR", "Runtime directory for the socket and pid file (default $JCOMPOSE_RUN_DIR or /run/jcompose)", "--run-dir")
            .repeatable("HOST[:PORT]", "Registry to pull from over plain HTTP (repeatable; default $JCOMPOSE_INSECURE_REGISTRIES, comma-separated)", "--insecure-registry")
            .option("default|USER[:GROUP]|UID:GID:SIZE", "User/Group setting for user namespaces, as dockerd's (from /etc/subuid and "
                    + "/etc/subgid; UID:GID:SIZE: an explicit range; default $JCOMPOSE_USERNS_REMAP)", "--userns-remap")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        root = args.path("--root");
        runDir = args.path("--run-dir");
        List<String> registries = args.values("--insecure-registry");
        insecureRegistries = registries.isEmpty() ? null : registries; // none given: the environment's
        usernsRemap = args.value("--userns-remap");
    }

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
