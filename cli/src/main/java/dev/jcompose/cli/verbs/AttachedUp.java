package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.Interrupts;
import dev.jcompose.cli.compose.ContainerEvent;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.LogFollower;
import dev.jcompose.cli.compose.LogOptions;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.LogPrinter;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Attached {@code up}, after the plan ran: the attached services' logs merged on the terminal
 * (containers that start later, restarted, recreated or scaled, join in), each exit reported
 * ({@code web-1 exited with code 0}); it returns when every attached container has exited. The first
 * Ctrl-C stops the project's containers (saying so), a second one kills them;
 * {@code --abort-on-container-exit} (or {@code --exit-code-from}) stops everything at the first exit.
 */
final class AttachedUp {
    private static final Duration RECREATE_WINDOW = Duration.ofSeconds(2);
    /**
     * How long to let the logs of containers that have all exited or been stopped finish printing:
     * their streams end by themselves at the end of each log, so this bound is only for an engine
     * that stops answering (a large log takes more than a few seconds to print on a busy machine;
     * 10 s lost the last 23,000 of 300,000 lines under load).
     */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    /** What the waiting loop reacts to. */
    private sealed interface Outcome {
    }

    private record AllExited() implements Outcome {
    }

    private record Exited(String service, int code) implements Outcome {
    }

    private record Interrupted(int times) implements Outcome {
    }

    private record Stopped() implements Outcome {
    }

    /** How attached {@code up} ends: abort at the first exit (only a failed one with {@code onlyFailure}), whose exit code to return. */
    record Abort(boolean onExit, boolean onlyFailure, String exitCodeFrom) {
    }

    private final EngineClient engine;
    private final String project;
    private final Set<String> attached;
    private final Abort abort;
    private final Integer stopTimeout;
    private final LogPrinter printer;
    private final StopProgress progress;
    private final PrintWriter err;
    private final LinkedBlockingDeque<Outcome> outcomes = new LinkedBlockingDeque<>();
    /** Containers whose exit a die event has already reported (so the early-exit report does not repeat it). */
    private final Set<String> exitsReported = ConcurrentHashMap.newKeySet();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final List<Thread> reporters = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    AttachedUp(EngineClient engine, String project, Set<String> attached, Abort abort, Integer stopTimeout, LogPrinter printer,
               StopProgress progress, PrintWriter err) {
        this.engine = engine;
        this.project = project;
        this.attached = attached;
        this.abort = abort;
        this.stopTimeout = stopTimeout;
        this.printer = printer;
        this.progress = progress;
        this.err = err;
    }

    /** Streams and waits; returns the command's exit code. {@code since}: when this {@code up} began (older lines are not shown). */
    int run(Instant since) throws InterruptedException {
        List<JsonNode> containers = ProjectContainers.list(engine, project, null).stream().filter(this::attachedContainer)
                .sorted(Comparator.comparing(ProjectContainers::name)).toList();
        err.println("Attaching to " + String.join(", ", containers.stream()
                .map(c -> ProjectContainers.displayName(project, ProjectContainers.name(c))).toList()));
        err.flush();
        LogFollower.Selection selection = (service, number) -> attached.contains(service);
        try (Interrupts interrupts = new Interrupts(times -> outcomes.add(new Interrupted(times)));
             LogFollower follower = new LogFollower(engine, project, selection, new LogOptions(true, "all", since, null), printer,
                     this::onEvent)) {
            follower.start();
            List<JsonNode> early = new java.util.ArrayList<>();
            for (JsonNode c : ProjectContainers.list(engine, project, null)) {
                if (attachedContainer(c) && "running".equals(c.path("State").asText())) {
                    live.add(c.path("Id").asText());
                } else if (attachedContainer(c) && "exited".equals(c.path("State").asText())) {
                    reportEarlyExit(follower, c);
                    early.add(engine.get("/containers/" + c.path("Id").asText() + "/json"));
                }
            }
            abortOnEarlyExit(early);
            if (live.isEmpty()) {
                outcomes.add(new AllExited());
            }
            return await(follower);
        } finally {
            printer.flush();
        }
    }

    /**
     * A container that exited before the event stream was open (a one-shot job that ran while the
     * plan was executed) counts for {@code --abort-on-container-exit}/{@code -failure} as docker
     * compose sees it: the first to have finished decides (and gives the exit code). It goes before
     * any outcome already queued: a die event that arrived while the containers were listed is of a
     * container that is in this list too (or finished after all of them).
     */
    private void abortOnEarlyExit(List<JsonNode> exited) {
        if (!abort.onExit()) {
            return;
        }
        exited.stream().sorted(Comparator.comparing(c -> finishedAt(c)))
                .filter(c -> !abort.onlyFailure() || c.path("State").path("ExitCode").asInt() != 0)
                .findFirst()
                .ifPresent(c -> outcomes.addFirst(new Exited(c.path("Config").path("Labels").path(Labels.SERVICE).asText(),
                        c.path("State").path("ExitCode").asInt())));
    }

    private static Instant finishedAt(JsonNode c) {
        try {
            return Instant.parse(c.path("State").path("FinishedAt").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.MAX;
        }
    }

    /** A container that exited before the event stream was open (a one-shot job of this {@code up}): its exit after its lines. */
    private void reportEarlyExit(LogFollower follower, JsonNode c) {
        String id = c.path("Id").asText();
        String name = ProjectContainers.displayName(project, ProjectContainers.name(c));
        Thread t = new Thread(() -> {
            try {
                follower.awaitDrained(id, Duration.ofSeconds(30));
                JsonNode state = engine.get("/containers/" + id + "/json").path("State");
                if (!state.path("Running").asBoolean(false) && !exitsReported.contains(id)) {
                    printer.status(name, "exited with code " + state.path("ExitCode").asInt());
                }
            } catch (InterruptedException | RuntimeException e) {
                // the container went away meanwhile: nothing to report
            }
        }, "exit-" + name);
        t.setDaemon(true);
        reporters.add(t);
        t.start();
    }

    private boolean attachedContainer(JsonNode c) {
        JsonNode labels = c.path("Labels");
        return !"True".equalsIgnoreCase(labels.path(Labels.ONEOFF).asText()) && attached.contains(labels.path(Labels.SERVICE).asText());
    }

    private void onEvent(ContainerEvent e) {
        if (e.oneOff() || !attached.contains(e.service())) {
            return;
        }
        String name = ProjectContainers.displayName(project, e.name());
        if (e.action().equals("start")) {
            live.add(e.id());
        } else if (e.action().equals("die")) {
            boolean restarting = !stopping && restarts(e.id(), e.exitCode());
            exitsReported.add(e.id());
            printer.status(name, "exited with code " + e.exitCode() + (restarting ? " (restarting)" : ""));
            if (abort.onExit() && !stopping && (!abort.onlyFailure() || e.exitCode() != 0)) {
                outcomes.add(new Exited(e.service(), e.exitCode()));
            }
            if (!restarting && live.remove(e.id()) && live.isEmpty()) {
                outcomes.add(new AllExited());
            }
        }
    }

    /** Whether the engine will start the container again after this exit, by its restart policy. */
    private boolean restarts(String id, int exitCode) {
        try {
            JsonNode c = engine.get("/containers/" + id + "/json");
            JsonNode policy = c.path("HostConfig").path("RestartPolicy");
            int max = policy.path("MaximumRetryCount").asInt(0);
            return switch (policy.path("Name").asText("")) {
                case "always", "unless-stopped" -> true;
                case "on-failure" -> exitCode != 0 && (max <= 0 || c.path("RestartCount").asInt(0) < max);
                default -> false;
            };
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int await(LogFollower follower) throws InterruptedException {
        Integer code = null;
        while (true) {
            Outcome o = outcomes.take();
            if (o instanceof AllExited && !stopping) {
                if (somethingStartsAgain()) {
                    continue; // recreated (stop, create, start) or scaled meanwhile: keep following
                }
                follower.awaitIdle(DRAIN_LIMIT);
                for (Thread r : reporters) {
                    r.join(5000);
                }
                return 0;
            } else if (o instanceof Exited x && !stopping) {
                err.println("Aborting on container exit...");
                err.flush();
                code = x.code();
                stopAll(false);
            } else if (o instanceof Interrupted i) {
                if (i.times() == 1 && !stopping) {
                    err.println("Gracefully stopping... (press Ctrl+C again to force)");
                    err.flush();
                    code = 130;
                    stopAll(false);
                } else if (i.times() >= 2) {
                    progress.stopAll(engine, project, true, stopTimeout);
                    awaitExitsReported(Duration.ofSeconds(5));
                    follower.awaitIdle(Duration.ofSeconds(5));
                    return 130;
                }
            } else if (o instanceof Stopped) {
                awaitExitsReported(Duration.ofSeconds(5));
                follower.awaitIdle(DRAIN_LIMIT);
                return abort.exitCodeFrom() != null && code != null && code != 130 ? exitCodeOf(abort.exitCodeFrom()) : code;
            }
        }
    }

    /** Stops (or kills) the project's containers on a thread of its own, so a second Ctrl-C can still force. */
    private void stopAll(boolean kill) {
        stopping = true;
        Thread t = new Thread(() -> {
            try {
                progress.stopAll(engine, project, kill, stopTimeout);
            } finally {
                outcomes.add(new Stopped());
            }
        }, "stop-" + project);
        t.setDaemon(true);
        t.start();
    }

    /** The engine's die events come over their own stream: waits until each stopped container's exit was printed. */
    private void awaitExitsReported(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!live.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Whether an attached container runs again within {@link #RECREATE_WINDOW} (a recreation stops the old before starting the new). */
    private boolean somethingStartsAgain() throws InterruptedException {
        long deadline = System.nanoTime() + RECREATE_WINDOW.toNanos();
        do {
            if (!live.isEmpty() || anyAttachedRunning()) {
                return true;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private boolean anyAttachedRunning() {
        return ProjectContainers.list(engine, project, null).stream()
                .anyMatch(c -> attachedContainer(c) && "running".equals(c.path("State").asText()));
    }

    /** {@code --exit-code-from}: the exit code of the service's first container. */
    private int exitCodeOf(String service) {
        return ProjectContainers.list(engine, project, service).stream()
                .filter(c -> !"True".equalsIgnoreCase(c.path("Labels").path(Labels.ONEOFF).asText()))
                .min(Comparator.comparingInt(c -> c.path("Labels").path(Labels.NUMBER).asInt(0)))
                .map(c -> engine.get("/containers/" + c.path("Id").asText() + "/json").path("State").path("ExitCode").asInt(0))
                .orElse(0);
    }
}
