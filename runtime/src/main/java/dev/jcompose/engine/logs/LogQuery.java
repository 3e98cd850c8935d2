package dev.jcompose.engine.logs;

import java.time.Instant;

/**
 * What a {@code logs} call asks for: streams, {@code tail} (last N entries, -1 for all), the time
 * window ({@code since} inclusive, {@code until} exclusive, either may be null), and whether to follow.
 */
public record LogQuery(boolean stdout, boolean stderr, int tail, Instant since, Instant until, boolean follow) {
    public static final LogQuery ALL = new LogQuery(true, true, -1, null, null, false);

    boolean wants(LogEntry e) {
        if (e.stream() == LogEntry.Stream.STDOUT ? !stdout : !stderr) {
            return false;
        }
        return (since == null || !e.time().isBefore(since)) && (until == null || e.time().isBefore(until));
    }

    /** {@link #wants(LogEntry)} for a decoded record, with no Instant made unless a time bound is set. */
    boolean wants(JsonFileRecord r) {
        if (r.stream() == LogEntry.Stream.STDOUT ? !stdout : !stderr) {
            return false;
        }
        return (since == null || !r.before(since)) && (until == null || r.before(until));
    }

    /**
     * Docker's time parameters: UNIX seconds with an optional fraction ({@code 1700000000.5}); 0 or
     * absent means no bound.
     */
    public static Instant parseUnixTime(String value) {
        if (value == null || value.isEmpty() || value.equals("0")) {
            return null;
        }
        try {
            java.math.BigDecimal seconds = new java.math.BigDecimal(value);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(java.math.BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid time value \"" + value + "\": expected UNIX seconds", e);
        }
    }
}
