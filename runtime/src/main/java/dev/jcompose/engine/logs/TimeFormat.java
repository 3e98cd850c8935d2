package dev.jcompose.engine.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Docker's fixed-width RFC 3339 nano timestamps ({@code 2026-11-22T10:00:00.000000001Z}). */
public final class TimeFormat {
    private static final DateTimeFormatter NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);

    private TimeFormat() {
    }

    public static String rfc3339Nano(Instant t) {
        return NANO.format(t);
    }
}
