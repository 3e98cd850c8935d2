package dev.jcompose.engine.supervise;

import dev.jcompose.engine.container.ContainerConfig.HealthConfig;
import dev.jcompose.engine.container.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's health state machine as a pure function. A container starts {@code starting}; a
 * passing probe makes it {@code healthy}; {@code retries} consecutive failures make it
 * {@code unhealthy} — except that failures inside {@code start_period} do not count. The last five
 * probe results are kept, each output cut to 4 KiB.
 */
public final class HealthState {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
    static final int DEFAULT_RETRIES = 3;
    private static final int KEEP = 5;
    private static final int MAX_OUTPUT = 4096;

    /** The settings of one container's check, defaults applied. */
    public record Settings(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod,
                           Duration startInterval) {

        /** From the container's HealthConfig; empty when there is no check or it is {@code NONE}. */
        public static java.util.Optional<Settings> of(HealthConfig h) {
            if (h == null || h.test() == null || h.test().isEmpty() || h.test().get(0).equals("NONE")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Settings(h.test(), nanos(h.interval(), DEFAULT_INTERVAL),
                    nanos(h.timeout(), DEFAULT_TIMEOUT), h.retries() == null || h.retries() <= 0 ? DEFAULT_RETRIES : h.retries(),
                    nanos(h.startPeriod(), Duration.ZERO), nanos(h.startInterval(), DEFAULT_START_INTERVAL)));
        }

        private static Duration nanos(Long value, Duration dflt) {
            return value == null || value <= 0 ? dflt : Duration.ofNanos(value);
        }

        /** The probe command line: {@code CMD a b} runs a b; {@code CMD-SHELL s} runs /bin/sh -c s. */
        public List<String> command() {
            return switch (test.get(0)) {
                case "CMD" -> test.subList(1, test.size());
                case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
                default -> test;
            };
        }

        /** The wait before the next probe: the start interval while in the start period and not yet healthy. */
        public Duration nextDelay(ContainerState.Health current, Duration sinceStart) {
            boolean inStart = sinceStart.compareTo(startPeriod) < 0 && (current == null || current.status().equals("starting"));
            return inStart ? startInterval : interval;
        }
    }

    /** One probe's outcome: exit code (non-zero, or -1 for a timeout) and output. */
    public record Probe(Instant start, Instant end, int exitCode, String output) {
    }

    private HealthState() {
    }

    public static ContainerState.Health initial() {
        return new ContainerState.Health("starting", 0, List.of());
    }

    public static ContainerState.Health next(ContainerState.Health current, Settings settings, Probe probe, Duration sinceStart) {
        ContainerState.Health h = current == null ? initial() : current;
        List<ContainerState.HealthLog> log = new ArrayList<>(h.log() == null ? List.of() : h.log());
        String output = probe.output().length() > MAX_OUTPUT ? probe.output().substring(0, MAX_OUTPUT) : probe.output();
        log.add(new ContainerState.HealthLog(probe.start().toString(), probe.end().toString(), probe.exitCode(), output));
        while (log.size() > KEEP) {
            log.remove(0);
        }
        if (probe.exitCode() == 0) {
            return new ContainerState.Health("healthy", 0, log);
        }
        boolean inStartPeriod = sinceStart.compareTo(settings.startPeriod()) < 0;
        if (inStartPeriod && !h.status().equals("healthy")) {
            return new ContainerState.Health(h.status(), h.failingStreak(), log);
        }
        int streak = h.failingStreak() + 1;
        String status = streak >= settings.retries() ? "unhealthy" : h.status();
        return new ContainerState.Health(status, streak, log);
    }
}
