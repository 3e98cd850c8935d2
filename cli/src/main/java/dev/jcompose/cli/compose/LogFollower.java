package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The merged logs of a project's containers, as {@code docker compose logs [-f]} and attached
 * {@code up} read them: one stream per container (with the engine's time stamps, so each line has
 * one), and — when following — the project's {@code /events}, so containers that start later
 * (restarted, recreated, scaled up) are attached too. A stream that ends while its container runs
 * again is re-opened from its {@link LogCursor}: no line is dropped or repeated.
 */
public final class LogFollower implements AutoCloseable {
    /** Where the lines go; called from many threads. */
    public interface Sink {
        /** A container joins the output (before its first line), by its display name ({@code web-1}). */
        void attached(String container);

        /** One line of {@code container}'s log: {@code text[off, off+len)} without time stamp and newline, valid during the call only. */
        void line(String container, boolean stderr, Instant time, byte[] text, int off, int len);

        /** A stream ended: what was written can go out now. */
        default void flush() {
        }
    }

    /** Which of the project's containers to read: by service and replica number (one-off containers never). */
    public interface Selection {
        boolean wants(String service, int number);
    }

    private final EngineClient engine;
    private final String project;
    private final Selection selection;
    private final LogOptions options;
    private final Sink sink;
    private final Consumer<ContainerEvent> also;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private int active;
    private volatile boolean closed;
    private ProjectEvents events;

    private static final class Target {
        final String id;
        final String name;
        final LogCursor cursor = new LogCursor();
        final Instant attachedAt = Instant.now();
        boolean opened;
        boolean streaming;
        boolean again;

        Target(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** @param also gets every project container event after the follower has handled it (attached {@code up} watches exits with it) */
    public LogFollower(EngineClient engine, String project, Selection selection, LogOptions options, Sink sink,
                       Consumer<ContainerEvent> also) {
        this.engine = engine;
        this.project = project;
        this.selection = selection;
        this.options = options;
        this.sink = sink;
        this.also = also;
    }

    /** Opens the event stream (when following), then attaches every selected container that exists now. */
    public void start() {
        if (options.follow()) {
            events = new ProjectEvents(engine, project, this::onEvent);
        }
        var selected = ProjectContainers.list(engine, project, null).stream().filter(this::selected).toList();
        for (JsonNode c : selected) {
            sink.attached(display(ProjectContainers.name(c)));
        }
        for (JsonNode c : selected) {
            attach(c.path("Id").asText(), ProjectContainers.name(c), true);
        }
    }

    private boolean selected(JsonNode c) {
        JsonNode labels = c.path("Labels");
        return !"True".equalsIgnoreCase(labels.path(Labels.ONEOFF).asText())
                && selection.wants(labels.path(Labels.SERVICE).asText(), labels.path(Labels.NUMBER).asInt(0));
    }

    private String display(String containerName) {
        return ProjectContainers.displayName(project, containerName);
    }

    private void onEvent(ContainerEvent e) {
        if (e.action().equals("start") && !e.oneOff() && selection.wants(e.service(), e.number())) {
            attach(e.id(), e.name(), false);
        }
        also.accept(e);
    }

    /** Starts reading {@code id}'s log unless a stream is open; if one is, it is re-opened when it ends. */
    private void attach(String id, String name, boolean initial) {
        Target t;
        synchronized (lock) {
            if (closed) {
                return;
            }
            boolean known = targets.containsKey(id);
            t = targets.computeIfAbsent(id, k -> new Target(id, display(name)));
            if (t.streaming) {
                t.again = true;
                return;
            }
            if (!known && !initial) {
                sink.attached(t.name);
            }
            t.streaming = true;
            active++;
            if (!t.opened) {
                t.opened = true;
                spawn(t, options.since(), options.tail());
                return;
            }
        }
        spawn(t, t.cursor.resume(t.attachedAt), "all");
    }

    private void spawn(Target t, Instant since, String tail) {
        Thread th = new Thread(() -> pump(t, since, tail), "logs-" + t.name);
        th.setDaemon(true);
        th.start();
    }

    private void pump(Target t, Instant since, String tail) {
        String path = "/containers/" + t.id + "/logs?stdout=1&stderr=1&timestamps=1&follow=" + (options.follow() ? 1 : 0)
                + "&tail=" + tail + (since == null ? "" : "&since=" + TimeArg.engineForm(since))
                + (options.until() == null ? "" : "&until=" + TimeArg.engineForm(options.until()));
        try (InputStream in = engine.openRaw(path)) {
            new LogFrameReader((stderr, time, text, off, len) -> {
                if (t.cursor.accept(time)) {
                    sink.line(t.name, stderr, time, text, off, len);
                }
            }, sink::flush).read(in);
        } catch (EngineException | IOException e) {
            // the container went away (removed) or the engine closed the stream: handled below like an end
        }
        ended(t);
    }

    private void ended(Target t) {
        boolean running = options.follow() && options.until() == null && !closed && running(t.id);
        boolean again;
        synchronized (lock) {
            again = !closed && options.follow() && options.until() == null && (t.again || running);
            t.again = false;
            if (!again) {
                t.streaming = false;
                active--;
                lock.notifyAll();
            }
        }
        if (again) {
            spawn(t, t.cursor.resume(t.attachedAt), "all");
        }
    }

    private boolean running(String id) {
        try {
            return engine.get("/containers/" + id + "/json").path("State").path("Running").asBoolean(false);
        } catch (EngineException e) {
            return false;
        }
    }

    /** Waits until no stream is open (every container's log read to its end); false on timeout. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (active > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Waits until the container's log has been read to its end (its stream closed and not re-opened); false on timeout. */
    public boolean awaitDrained(String id, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (targets.containsKey(id) && targets.get(id).streaming) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * {@code logs -f}: returns once no selected container has been running for {@code grace} (so a
     * {@code restart}, which stops then starts, keeps the follow going; a {@code stop} or {@code down} ends it).
     */
    public void followUntilStopped(Duration grace) throws InterruptedException {
        while (true) {
            awaitIdle(Duration.ofDays(365));
            Thread.sleep(grace.toMillis());
            boolean running = anySelectedRunning();
            synchronized (lock) {
                if (active == 0 && !running) {
                    return;
                }
            }
        }
    }

    private boolean anySelectedRunning() {
        return ProjectContainers.list(engine, project, null).stream()
                .anyMatch(c -> selected(c) && "running".equals(c.path("State").asText()));
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        if (events != null) {
            events.close();
        }
    }
}
