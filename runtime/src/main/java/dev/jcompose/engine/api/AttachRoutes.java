package dev.jcompose.engine.api;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.container.ContainerState;
import dev.jcompose.engine.lifecycle.ContainerRuntime;
import dev.jcompose.engine.lifecycle.OutputHolds;
import dev.jcompose.engine.logs.JsonFileLogReader;
import dev.jcompose.engine.logs.LogQuery;
import dev.jcompose.engine.logs.StreamFramer;
import dev.jcompose.engine.shim.ContainerConsole;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * {@code POST /containers/{id}/attach}: the container's output as it is written (from the start
 * with {@code logs=1}), until the container stops, over the hijacked connection the docker CLI asks
 * for ({@code Upgrade: tcp} → 101) or a plain 200 stream. An attach made before the container
 * starts ({@code docker run}, {@code docker start -a}) waits for it. The shim holds the container's
 * output in its json-file log, which is what is followed here (raw under a TTY, where the monitor
 * logs partial lines at once so a prompt shows). With {@code stdin=1} on an {@code OpenStdin}
 * container the client's input goes to the container's stdin ({@link AttachStdin}: StdinOnce,
 * detach keys). {@code POST /containers/{id}/resize} sizes a TTY container's pty.
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
        router.add("POST", "/containers/{id}/resize", ContainerRoutes.guarded(this::resize));
    }

    private void resize(ApiExchange ex) throws IOException {
        ContainerRecord r = containers.inspect(ex.path("id"));
        int h;
        int w;
        try {
            h = Integer.parseInt(ex.query("h").orElse("0"));
            w = Integer.parseInt(ex.query("w").orElse("0"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid resize size: " + e.getMessage());
        }
        if (!runtime.isRunning(r.id())) {
            throw new ApiError(409, "Container " + r.id() + " is not running", null);
        }
        if (r.config().ttyEnabled() && !ContainerConsole.resize(containers.store().directory(r.id()), h, w)) {
            throw new ApiError(409, "Container " + r.id() + " is not running", null);
        }
        ex.sendStatus(200);
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
        boolean withStdin = ex.queryBool("stdin", false) && r.config().stdinOpen();
        DetachKeys keys = DetachKeys.parse(ex.query("detachKeys").orElse(null));
        OutputHolds.Hold hold = runtime.holdOutput(r.id());
        try {
            JsonFileLogReader reader = logs ? new JsonFileLogReader(Path.of(r.logPath())) : JsonFileLogReader.fromNow(Path.of(r.logPath()));
            if (ex.wantsUpgrade()) {
                ex.upgrade(type, conn -> {
                    try (hold) {
                        AtomicBoolean attached = new AtomicBoolean(true);
                        Thread input = withStdin ? stdin(r, conn, keys, attached) : null;
                        follow(reader, query, conn.out(), tty, () -> attached.get() && following(r.id(), wasRunning, attachedAt));
                        attached.set(false);
                        if (input != null) {
                            input.interrupt();
                        }
                        conn.shutdownOutput();
                    }
                }, "attach-" + r.id().substring(0, 12));
            } else {
                try (hold) {
                    OutputStream out = ex.openStream(200, type);
                    out.flush();
                    follow(reader, query, out, tty, () -> following(r.id(), wasRunning, attachedAt));
                    out.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    /** The client's input to the container's stdin, on its own thread; the attach ends when the input says so. */
    private Thread stdin(ContainerRecord r, HijackedConnection conn, DetachKeys keys, AtomicBoolean attached) {
        AttachStdin copier = new AttachStdin(containers.store().directory(r.id()), r.config().ttyEnabled(),
                Boolean.TRUE.equals(r.config().stdinOnce()), keys);
        Thread t = new Thread(() -> {
            try {
                AttachStdin.End end = copier.run(conn.in(), attached::get);
                if (end == AttachStdin.End.DETACHED || end == AttachStdin.End.INPUT_CLOSED) {
                    attached.set(false); // Docker ends the attach here; the container keeps running
                }
            } catch (IOException e) {
                attached.set(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "attach-stdin-" + r.id().substring(0, 12));
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Sends the output while {@code more} holds: attached to a running container, until it stops;
     * attached to one not running, until it has started (later) and stopped, as Docker's attach waits.
     */
    private void follow(JsonFileLogReader reader, LogQuery query, OutputStream out, boolean tty, BooleanSupplier more)
            throws IOException {
        try (reader) {
            if (!query.stdout() && !query.stderr()) {
                return;
            }
            reader.read(query, new StreamFramer(out, !tty, false), more);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the attach goes on, from one reading of the container's record (none: removed, nothing more will come). */
    private boolean following(String id, boolean wasRunning, Instant attachedAt) {
        return containers.store().get(id).map(c -> following(c.state(), wasRunning, attachedAt)).orElse(false);
    }

    /**
     * Whether an attach made at {@code attachedAt} to a container then {@code wasRunning} still follows it in
     * {@code state}: while it runs; attached before a start ({@code docker run}, {@code start -a}), also until that
     * start. Decided from one state: reading "running" and "started" separately let a start that landed between the
     * two reads look like a start and an end, and ended the stream before the container wrote (CI: 1 of 400 runs).
     */
    static boolean following(ContainerState state, boolean wasRunning, Instant attachedAt) {
        if (state.running()) {
            return true;
        }
        return !wasRunning && !startedSince(state, attachedAt);
    }

    private static boolean startedSince(ContainerState state, Instant attachedAt) {
        try {
            return !Instant.parse(state.startedAt()).isBefore(attachedAt);
        } catch (RuntimeException e) {
            return false; // never started
        }
    }
}
