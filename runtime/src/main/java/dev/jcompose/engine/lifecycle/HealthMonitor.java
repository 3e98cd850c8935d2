package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerState;
import dev.jcompose.engine.container.ContainerStore;
import dev.jcompose.engine.events.EventBus;
import dev.jcompose.engine.shim.ShimExec;
import dev.jcompose.engine.supervise.HealthState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each running container's health check on its schedule through {@code jcompose-shim exec},
 * as the container's user and environment, and records the result in the container's state
 * (Docker's {@code State.Health}), publishing {@code health_status: healthy|unhealthy} events on changes.
 */
final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final ContainerStore store;
    private final EventBus events;
    private final Path shim;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "health");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> probes = new ConcurrentHashMap<>();

    HealthMonitor(ContainerStore store, EventBus events, Path shim, Clock clock) {
        this.store = store;
        this.events = events;
        this.shim = shim;
        this.clock = clock;
    }

    /** Starts probing a container that just started (no-op without a health check). */
    void watch(String id, UserResolver.Identity user, long capabilities) {
        ContainerRecord r = store.get(id).orElseThrow();
        Optional<HealthState.Settings> settings = HealthState.Settings.of(r.config().healthcheck());
        if (settings.isEmpty()) {
            return;
        }
        store.update(id, c -> c.withState(c.state().withHealth(HealthState.initial())));
        schedule(id, settings.get(), user, capabilities, settings.get().nextDelay(HealthState.initial(), Duration.ZERO));
    }

    private void schedule(String id, HealthState.Settings s, UserResolver.Identity user, long caps, Duration delay) {
        probes.put(id, scheduler.schedule(() -> probe(id, s, user, caps), delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    void forget(String id) {
        Optional.ofNullable(probes.remove(id)).ifPresent(f -> f.cancel(false));
    }

    private void probe(String id, HealthState.Settings s, UserResolver.Identity user, long caps) {
        Optional<ContainerRecord> current = store.get(id);
        if (current.isEmpty() || !current.get().state().running()) {
            probes.remove(id);
            return;
        }
        ContainerRecord r = current.get();
        Instant start = clock.instant();
        HealthState.Probe result;
        try {
            ShimExec.Result x = ShimExec.run(shim, r.state().pid(), s.command(), r.config().env(), r.config().workingDir(), user.uid(),
                    user.gid(), caps, store.directory(id), s.timeout());
            result = new HealthState.Probe(start, clock.instant(), x.exitCode(), x.output());
        } catch (Exception e) {
            result = new HealthState.Probe(start, clock.instant(), -1, "health check could not run: " + e.getMessage());
        }
        Duration since = Duration.between(Instant.parse(r.state().startedAt()), start);
        ContainerState.Health before = r.state().health();
        ContainerState.Health after = HealthState.next(before, s, result, since);
        try {
            store.update(id, c -> c.state().running() ? c.withState(c.state().withHealth(after)) : c);
        } catch (RuntimeException e) {
            LOG.debug("container {} went away during its health check", id);
            return;
        }
        if (before == null || !before.status().equals(after.status())) {
            events.publish("container", "health_status: " + after.status(), id, Map.of("name", r.shortName(), "image", r.config().image()));
        }
        schedule(id, s, user, caps, s.nextDelay(after, since));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
