package dev.jcompose.engine.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The engine's event stream: components {@link #publish} what happened; {@code /events} callers
 * {@link #subscribe} and get what happens next, after the recent history they ask for with
 * {@code since}. Subscribers are called on the publisher's thread and must not block (the API
 * route hands events to its own queue).
 */
public final class EventBus {
    private static final int HISTORY = 1024;

    private final Clock clock;
    private final ArrayDeque<EngineEvent> history = new ArrayDeque<>();
    private final List<Consumer<EngineEvent>> subscribers = new CopyOnWriteArrayList<>();

    public EventBus(Clock clock) {
        this.clock = clock;
    }

    public EngineEvent publish(String type, String action, String actorId, Map<String, String> attributes) {
        EngineEvent e = EngineEvent.of(type, action, actorId, attributes, clock.instant());
        synchronized (history) {
            history.addLast(e);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        for (Consumer<EngineEvent> s : subscribers) {
            s.accept(e);
        }
        return e;
    }

    /** Recent events at or after {@code since}, oldest first. */
    public List<EngineEvent> since(Instant since) {
        synchronized (history) {
            return history.stream().filter(e -> !e.instant().isBefore(since)).toList();
        }
    }

    /** Starts delivering new events to {@code subscriber}; close the result to stop. */
    public AutoCloseable subscribe(Consumer<EngineEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
