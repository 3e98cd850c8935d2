package dev.jcompose.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.api.ApiServer;
import dev.jcompose.engine.api.EngineInfo;
import dev.jcompose.engine.api.Router;
import dev.jcompose.engine.api.SystemRoutes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * The engine daemon: owns the state directories and the API server, and writes its pid file.
 * {@link #start()} returns once the socket accepts calls; {@link #close()} stops serving (containers,
 * held by their shims, keep running).
 */
public final class Engine implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    private final EngineConfig config;
    private final ApiServer server;

    public Engine(EngineConfig config) {
        this.config = config;
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Router router = new Router();
        new SystemRoutes(new EngineInfo(config.root(), VERSION, () -> EngineInfo.Counts.NONE)).register(router);
        this.server = new ApiServer(config.socket(), router, json);
    }

    public EngineConfig config() {
        return config;
    }

    public void start() throws IOException {
        Files.createDirectories(config.root());
        Files.createDirectories(config.runDir());
        server.start();
        var tmp = config.runDir().resolve("jcompose.pid.tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + "\n");
        Files.move(tmp, config.pidFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        server.close();
        try {
            Files.deleteIfExists(config.pidFile());
        } catch (IOException e) {
            // the next start replaces it
        }
    }
}
