package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.stats.StatsJson;
import dev.jcompose.engine.stats.StatsSampler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /containers/{id}/stats}: Docker's stats frames. {@code stream=true} (the default) writes a frame every
 * second, each with the previous one's CPU counters as {@code precpu_stats}, until the container is removed or the
 * client goes away; {@code stream=false} waits for a second sample so that {@code precpu_stats} is filled (as Docker),
 * unless {@code one-shot=true}. A container that is not running gets Docker's empty frame.
 */
public final class StatsRoutes {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ContainerService containers;
    private final StatsSampler sampler;
    private final ObjectMapper json;
    private final Clock clock;

    public StatsRoutes(ContainerService containers, StatsSampler sampler, ObjectMapper json, Clock clock) {
        this.containers = containers;
        this.sampler = sampler;
        this.json = json;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("GET", "/containers/{id}/stats", ContainerRoutes.guarded(this::stats));
    }

    private void stats(ApiExchange ex) throws IOException {
        ContainerRecord r = containers.inspect(ex.path("id"));
        boolean stream = ex.queryBool("stream", true);
        boolean oneShot = ex.queryBool("one-shot", false);
        if (stream && oneShot) {
            throw ApiError.badRequest("cannot have stream=true and one-shot=true");
        }
        if (!stream) {
            StatsJson first = frame(r, null);
            if (oneShot || !r.state().running()) {
                ex.sendJson(200, first);
                return;
            }
            pause();
            ex.sendJson(200, frame(current(r.id()).orElse(r), first));
            return;
        }
        OutputStream out = ex.openStream(200, "application/json");
        try {
            StatsJson previous = null;
            for (Optional<ContainerRecord> now = Optional.of(r); now.isPresent(); now = current(r.id())) {
                StatsJson f = frame(now.get(), previous);
                byte[] line = json.writeValueAsBytes(f);
                byte[] framed = java.util.Arrays.copyOf(line, line.length + 1);
                framed[line.length] = '\n';
                out.write(framed); // one write, one chunk: a frame is never split
                out.flush();
                previous = now.get().state().running() ? f : null;
                pause();
            }
            out.close();
        } catch (IOException e) {
            // the client went away (docker stats ends with Ctrl-C): the stream ends with it
        }
    }

    /** A frame of {@code r} now, following {@code previous} (null for the first, or after a time not running). */
    private StatsJson frame(ContainerRecord r, StatsJson previous) throws IOException {
        if (!r.state().running()) {
            return StatsSampler.empty(r);
        }
        try {
            return sampler.sample(r, clock.instant()).withPrevious(previous);
        } catch (IOException e) {
            Optional<ContainerRecord> now = current(r.id());
            if (now.isPresent() && !now.get().state().running()) {
                return StatsSampler.empty(now.get()); // it ended while its cgroup was read
            }
            throw e;
        }
    }

    private Optional<ContainerRecord> current(String id) {
        return containers.store().get(id);
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stats stream interrupted", e);
        }
    }
}
