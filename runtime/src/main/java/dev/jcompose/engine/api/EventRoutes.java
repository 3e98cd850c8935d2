package dev.jcompose.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.events.EngineEvent;
import dev.jcompose.engine.events.EventBus;
import dev.jcompose.engine.events.EventFilters;
import dev.jcompose.engine.logs.LogQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code GET /events}: the recent events since {@code since}, then new ones as they happen, one JSON object per line. */
public final class EventRoutes {
    private final EventBus bus;
    private final ObjectMapper json;

    public EventRoutes(EventBus bus, ObjectMapper json) {
        this.bus = bus;
        this.json = json;
    }

    public void register(Router router) {
        router.add("GET", "/events", this::events);
    }

    private void events(ApiExchange ex) throws IOException {
        Instant since;
        Instant until;
        Predicate<EngineEvent> wanted;
        try {
            since = LogQuery.parseUnixTime(ex.query("since").orElse(null));
            until = LogQuery.parseUnixTime(ex.query("until").orElse(null));
            wanted = EventFilters.parse(ex.query("filters").orElse(null), json).predicate();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        LinkedBlockingQueue<EngineEvent> queue = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = bus.subscribe(queue::add)) {
            OutputStream out = ex.openStream(200, "application/json");
            out.flush();
            java.util.Set<EngineEvent> replayed = new java.util.HashSet<>();
            if (since != null) {
                var history = bus.since(since);
                replayed.addAll(history);
                for (EngineEvent e : history) {
                    if (wanted.test(e) && (until == null || e.instant().isBefore(until))) {
                        write(out, e);
                    }
                }
            }
            while (until == null || Instant.now().isBefore(until)) {
                EngineEvent e = queue.poll(200, TimeUnit.MILLISECONDS);
                if (e != null && !replayed.remove(e) && wanted.test(e)) {
                    write(out, e);
                }
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: the subscription ends with it
        } catch (Exception e) {
            throw new IOException("events stream: " + e.getMessage(), e);
        }
    }

    private void write(OutputStream out, EngineEvent e) throws IOException {
        out.write(json.writeValueAsBytes(e));
        out.write('\n');
        out.flush();
    }
}
