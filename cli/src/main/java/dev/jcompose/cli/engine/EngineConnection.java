package dev.jcompose.cli.engine;

import dev.jcompose.engine.EngineConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which engine a CLI command talks to: {@code JCOMPOSE_HOST=unix:///path} names one (jcompose's or a
 * real Docker engine's socket) that must already run; otherwise jcompose's own engine for
 * {@code JCOMPOSE_ROOT}/{@code JCOMPOSE_RUN_DIR}, started on demand.
 */
public final class EngineConnection {
    private EngineConnection() {
    }

    public static EngineClient connect(Map<String, String> env) {
        String host = env.get("JCOMPOSE_HOST");
        if (host != null && !host.isEmpty()) {
            if (!host.startsWith("unix://")) {
                throw new EngineException("JCOMPOSE_HOST=" + host + ": only unix:// sockets are supported", null);
            }
            EngineClient client = EngineClient.open(Path.of(host.substring("unix://".length())));
            if (!client.ping(5_000)) {
                client.close();
                throw new EngineException("no engine answers on " + host + " (JCOMPOSE_HOST)", null);
            }
            return client;
        }
        EngineConfig config = EngineConfig.fromEnvironment(env);
        return new EngineStarter(config, EngineStarter.selfCommand(config)).connect();
    }
}
