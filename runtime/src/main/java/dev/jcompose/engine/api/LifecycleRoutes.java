package dev.jcompose.engine.api;

import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.lifecycle.ContainerRuntime;
import dev.jcompose.engine.logs.JsonFileLogReader;
import dev.jcompose.engine.logs.LogQuery;
import dev.jcompose.engine.logs.StreamFramer;
import dev.jcompose.engine.volume.VolumeRecord;
import dev.jcompose.engine.volume.VolumeStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The container endpoints that act on processes: start, stop, restart, kill, wait, pause, unpause,
 * logs, and remove (with {@code force} and {@code v}). Docker's codes: 204 done, 304 already in that
 * state, 404 no such container, 409 conflict.
 */
public final class LifecycleRoutes {
    private final ContainerService containers;
    private final ContainerRuntime runtime;
    private final VolumeStore volumes;

    public LifecycleRoutes(ContainerService containers, ContainerRuntime runtime, VolumeStore volumes) {
        this.containers = containers;
        this.runtime = runtime;
        this.volumes = volumes;
    }

    public void register(Router router) {
        router.add("POST", "/containers/{id}/start", done(ex -> runtime.start(ex.path("id"))));
        router.add("POST", "/containers/{id}/stop", done(ex -> runtime.stop(ex.path("id"), timeout(ex), ex.query("signal").orElse(null))));
        router.add("POST", "/containers/{id}/restart", done(ex -> runtime.restartContainer(ex.path("id"), timeout(ex))));
        router.add("POST", "/containers/{id}/kill", done(ex -> runtime.kill(ex.path("id"), ex.query("signal").orElse(null))));
        router.add("POST", "/containers/{id}/pause", done(ex -> runtime.pause(ex.path("id"), true)));
        router.add("POST", "/containers/{id}/unpause", done(ex -> runtime.pause(ex.path("id"), false)));
        router.add("POST", "/containers/{id}/wait", ContainerRoutes.guarded(this::await));
        router.add("GET", "/containers/{id}/logs", ContainerRoutes.guarded(this::logs));
        router.add("DELETE", "/containers/{id}", done(this::remove));
    }

    @FunctionalInterface
    private interface Action {
        void run(ApiExchange ex) throws IOException;
    }

    /** 204 when done, 304 when the container already was in that state, Docker's codes otherwise. */
    private static Route done(Action action) {
        return ex -> {
            try {
                action.run(ex);
                ex.sendStatus(204);
            } catch (ContainerException e) {
                if (e.status() == 304) {
                    ex.sendStatus(304);
                } else {
                    throw new ApiError(e.status(), e.getMessage(), e);
                }
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
        };
    }

    private static Duration timeout(ApiExchange ex) {
        return ex.query("t").map(t -> Duration.ofSeconds(Long.parseLong(t))).orElse(null);
    }

    /**
     * Docker answers the headers at once and the body when the condition is met: the docker CLI
     * sends this before starting the container and only proceeds once the headers arrive.
     */
    private void await(ApiExchange ex) throws IOException {
        String condition = ex.query("condition").orElse("not-running");
        containers.inspect(ex.path("id"));
        OutputStream out = ex.openStream(200, "application/json");
        out.flush();
        try {
            int code = runtime.await(ex.path("id"), condition);
            out.write(("{\"Error\":null,\"StatusCode\":" + code + "}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.write("{\"Error\":{\"Message\":\"interrupted\"},\"StatusCode\":-1}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ContainerException e) {
            out.write(("{\"Error\":{\"Message\":\"" + e.getMessage().replace("\"", "'") + "\"},\"StatusCode\":-1}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.close();
    }

    private void logs(ApiExchange ex) throws IOException {
        ContainerRecord r = containers.inspect(ex.path("id"));
        boolean stdout = ex.queryBool("stdout", false);
        boolean stderr = ex.queryBool("stderr", false);
        if (!stdout && !stderr) {
            throw ApiError.badRequest("You must choose at least one stream");
        }
        String tail = ex.query("tail").orElse("all");
        LogQuery query;
        try {
            query = new LogQuery(stdout, stderr, tail.equals("all") ? -1 : Integer.parseInt(tail),
                    LogQuery.parseUnixTime(ex.query("since").orElse(null)), LogQuery.parseUnixTime(ex.query("until").orElse(null)),
                    ex.queryBool("follow", false));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        boolean tty = r.config().ttyEnabled();
        OutputStream out = ex.openStream(200, tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream");
        out.flush();
        try {
            new JsonFileLogReader(Path.of(r.logPath())).read(query, new StreamFramer(out, !tty, ex.queryBool("timestamps", false)),
                    () -> runtime.isRunning(r.id()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            return; // the client went away
        }
        out.close();
    }

    private void remove(ApiExchange ex) {
        ContainerRecord r = containers.inspect(ex.path("id"));
        List<String> anonymous = new ArrayList<>();
        if (ex.queryBool("v", false)) {
            for (String name : volumeNames(r)) {
                try {
                    VolumeRecord v = volumes.get(name);
                    if (v.anonymous()) {
                        anonymous.add(name);
                    }
                } catch (RuntimeException e) {
                    // not a volume of ours
                }
            }
        }
        if (ex.queryBool("force", false)) {
            runtime.forceRemove(r.id());
        } else {
            runtime.remove(r.id());
        }
        for (String v : anonymous) {
            volumes.remove(v, containers::volumeUsers);
        }
    }

    private static List<String> volumeNames(ContainerRecord r) {
        List<String> out = new ArrayList<>();
        r.mounts().stream().filter(m -> "volume".equals(m.type()) && m.name() != null).forEach(m -> out.add(m.name()));
        if (r.hostConfig().mounts() != null) {
            r.hostConfig().mounts().stream().filter(m -> "volume".equals(m.type()) && m.source() != null).forEach(m -> out.add(m.source()));
        }
        if (r.hostConfig().binds() != null) {
            r.hostConfig().binds().stream().filter(b -> !b.startsWith("/")).forEach(b -> out.add(b.split(":")[0]));
        }
        return out;
    }
}
