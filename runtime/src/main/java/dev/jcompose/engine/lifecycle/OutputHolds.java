package dev.jcompose.engine.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Attach streams still sending a container's output hold it: its auto-removal ({@code --rm}), which
 * deletes the log they read, waits until the last hold is released — as Docker removes an
 * {@code --rm} container only after its attached streams were drained — but at most a bound, so a
 * client that stopped reading cannot keep a container forever.
 */
public final class OutputHolds {
    private final Map<String, Integer> holds = new HashMap<>();
    private final Map<String, List<Runnable>> waiting = new HashMap<>();

    /** A hold on one container's output; closing it more than once releases it once. */
    public final class Hold implements AutoCloseable {
        private final String id;
        private final AtomicBoolean released = new AtomicBoolean();

        private Hold(String id) {
            this.id = id;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(id);
            }
        }
    }

    public synchronized Hold hold(String id) {
        holds.merge(id, 1, Integer::sum);
        return new Hold(id);
    }

    /** Whether an attached stream holds the container's output now. */
    public synchronized boolean held(String id) {
        return holds.containsKey(id);
    }

    /**
     * Runs {@code action} once: now when nothing holds {@code id}, else when the last hold is released
     * or after {@code max} (on {@code timer}), whichever comes first.
     */
    public void whenReleased(String id, Duration max, ScheduledExecutorService timer, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
        synchronized (this) {
            if (holds.containsKey(id)) {
                waiting.computeIfAbsent(id, k -> new ArrayList<>()).add(once);
                timer.schedule(once, max.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
        }
        once.run();
    }

    private void release(String id) {
        List<Runnable> due;
        synchronized (this) {
            int left = holds.merge(id, -1, Integer::sum);
            if (left > 0) {
                return;
            }
            holds.remove(id);
            due = waiting.remove(id);
        }
        if (due != null) {
            due.forEach(Runnable::run);
        }
    }
}
