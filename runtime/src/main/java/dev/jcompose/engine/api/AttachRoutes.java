package dev.jcompose.engine.api;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.lifecycle.ContainerRuntime;
import dev.jcompose.engine.lifecycle.OutputHolds;
import dev.jcompose.engine.logs.JsonFileLogReader;
import dev.jcompose.engine.logs.LogQuery;
import dev.jcompose.engine.logs.StreamFramer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code POST /containers/{id}/attach}: the container's output as it is written (from the start
 * with {@code logs=1}), until the container stops, over the hijacked connection the docker CLI asks
 * for ({@code Upgrade: tcp} → 101) or a plain 200 stream. An attach made before the container
 * starts ({@code docker run}, {@code docker start -a}) waits for it. The shim holds the container's
 * output in its json-file log, which is what is followed here; the container's stdin is /dev/null,
 * so input the client sends is not forwarded (an {@code OpenStdin} container cannot be typed into).
 * Before answering, the attach opens the log at its end and holds the container's output, so a
 * container started right after the answer cannot write (or end and be auto-removed, deleting the
 * log) before the stream has read it.
 */
public final class AttachRoutes {
    private final ContainerService containers;
    private final ContainerRuntime runtime;

    public AttachRoutes(ContainerService containers, ContainerRuntime runtime) {
        this.containers = containers;
        this.runtime = runtime;
    }

    public void register(Router router) {
        router.add("POST", "/containers/{id}/attach", ContainerRoutes.guarded(this::attach));
    }

    private void attach(ApiExchange ex) throws IOException {
        ContainerRecord r = containers.inspect(ex.path("id"));
        boolean stdout = ex.queryBool("stdout", false);
        boolean stderr = ex.queryBool("stderr", false);
        boolean logs = ex.queryBool("logs", false);
        boolean stream = ex.queryBool("stream", false);
        LogQuery query = new LogQuery(stdout, stderr, logs ? -1 : 0, null, null, stream);
        boolean tty = r.config().ttyEnabled();
        String type = tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";
        Instant attachedAt = Instant.now();
        boolean wasRunning = runtime.isRunning(r.id());
        OutputHolds.Hold hold = runtime.holdOutput(r.id());
        try {
            JsonFileLogReader reader = logs ? new JsonFileLogReader(Path.of(r.logPath())) : JsonFileLogReader.fromNow(Path.of(r.logPath()));
            if (ex.wantsUpgrade()) {
                ex.upgrade(type, conn -> {
                    try (hold) {
                        follow(r, reader, query, conn.out(), tty, attachedAt, wasRunning);
                        conn.shutdownOutput();
                    }
                }, "attach-" + r.id().substring(0, 12));
            } else {
                try (hold) {
                    OutputStream out = ex.openStream(200, type);
                    out.flush();
                    follow(r, reader, query, out, tty, attachedAt, wasRunning);
                    out.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    /**
     * Sends the output until the container stops: attached to a running container, when it stops;
     * attached to one not running, after it has started (later) and stopped, as Docker's attach waits.
     */
    private void follow(ContainerRecord r, JsonFileLogReader reader, LogQuery query, OutputStream out, boolean tty, Instant attachedAt,
                        boolean wasRunning) throws IOException {
        try (reader) {
            if (!query.stdout() && !query.stderr()) {
                return;
            }
            reader.read(query, new StreamFramer(out, !tty, false),
                    () -> runtime.isRunning(r.id()) || !wasRunning && !startedAfter(r.id(), attachedAt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean startedAfter(String id, Instant attachedAt) {
        return containers.store().get(id).map(c -> {
            try {
                return !Instant.parse(c.state().startedAt()).isBefore(attachedAt);
            } catch (RuntimeException e) {
                return false;
            }
        }).orElse(true); // removed: nothing more will come
    }
}
