package dev.jcompose.cli.engine;

import dev.jcompose.engine.EngineConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which engine a CLI command talks to: {@code JCOMPOSE_HOST=unix:///path} names one (jcompose's or a
 * real Docker engine's socket) that must already run; failing that {@code DOCKER_HOST=unix:///path},
 * as docker compose users set it for a Docker engine; otherwise jcompose's own engine for
 * {@code JCOMPOSE_ROOT}/{@code JCOMPOSE_RUN_DIR}, started on demand.
 */
public final class EngineConnection {
    private EngineConnection() {
    }

    public static EngineClient connect(Map<String, String> env) {
        for (String variable : new String[] {"JCOMPOSE_HOST", "DOCKER_HOST"}) {
            String host = env.get(variable);
            if (host != null && !host.isEmpty()) {
                return open(variable, host);
            }
        }
        EngineConfig config = EngineConfig.fromEnvironment(env);
        return new EngineStarter(config, EngineStarter.selfCommand(config)).connect();
    }

    private static EngineClient open(String variable, String host) {
        if (!host.startsWith("unix://")) {
            throw new EngineException(variable + "=" + host + ": only unix:// sockets are supported", null);
        }
        EngineClient client = EngineClient.open(Path.of(host.substring("unix://".length())));
        if (!client.ping(5_000)) {
            client.close();
            throw new EngineException("no engine answers on " + host + " (" + variable + ")", null);
        }
        return client;
    }
}
