package dev.jcompose.engine.supervise;

import dev.jcompose.engine.container.HostConfig.RestartPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * Docker's restart manager as a pure function: whether a container that just ended is started
 * again, and after what delay. {@code always} and {@code unless-stopped} restart unless the user
 * stopped it; {@code on-failure[:N]} restarts non-zero exits up to N times (0 = no limit). The delay
 * starts at 100 ms and doubles with each quick restart up to one minute; a run of 10 s or more
 * resets it.
 */
public final class RestartDecision {
    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    static final Duration RESET_AFTER = Duration.ofSeconds(10);

    /** What the supervisor remembers between exits of one container. */
    public record History(int restartCount, Duration lastDelay) {
        public static final History NONE = new History(0, Duration.ZERO);
    }

    /** The verdict: restart after {@code delay}, with the history to keep. */
    public record Restart(Duration delay, History history) {
    }

    private RestartDecision() {
    }

    public static Optional<Restart> decide(RestartPolicy policy, int exitCode, boolean stoppedByUser, Duration ranFor,
                                           History history) {
        if (policy == null || policy.isNone() || stoppedByUser) {
            return Optional.empty();
        }
        switch (policy.name()) {
            case "always", "unless-stopped" -> {
            }
            case "on-failure" -> {
                int max = policy.maximumRetryCount() == null ? 0 : policy.maximumRetryCount();
                if (exitCode == 0 || (max > 0 && history.restartCount() >= max)) {
                    return Optional.empty();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        Duration delay;
        if (history.lastDelay().isZero() || ranFor.compareTo(RESET_AFTER) >= 0) {
            delay = FIRST_DELAY;
        } else {
            delay = history.lastDelay().multipliedBy(2);
            if (delay.compareTo(MAX_DELAY) > 0) {
                delay = MAX_DELAY;
            }
        }
        return Optional.of(new Restart(delay, new History(history.restartCount() + 1, delay)));
    }
}
