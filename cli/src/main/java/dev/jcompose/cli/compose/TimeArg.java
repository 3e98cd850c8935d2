package dev.jcompose.cli.compose;

import dev.jcompose.cli.UserError;
import dev.jcompose.model.GoDuration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The time flags of {@code logs --since/--until} as the docker CLI reads them: an RFC 3339 time
 * ({@code 2013-01-02T13:23:37Z}), a local date or date-time ({@code 2013-01-02}, {@code 2013-01-02T13:23:37}),
 * UNIX seconds with an optional fraction, or a Go duration back from now ({@code 42m}, {@code 1h30m}).
 */
public final class TimeArg {
    private TimeArg() {
    }

    /** {@code value} as an instant, relative durations counted back from {@code now}. */
    public static Instant parse(String flag, String value, Instant now, ZoneId zone) {
        String v = value.strip();
        if (v.matches("[0-9]+(\\.[0-9]{1,9})?")) {
            return unix(v);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // not an RFC 3339 time with an offset; try the other forms
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(v).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a date
        }
        java.time.Duration back = GoDuration.parse(v);
        if (back == null) {
            throw new UserError("invalid value \"" + value + "\" for flag " + flag
                    + ": expected a timestamp (2013-01-02T13:23:37Z), a date, UNIX seconds or a duration (42m)");
        }
        return now.minus(back);
    }

    /** The engine API's form of an instant: UNIX seconds with nine fraction digits. */
    public static String engineForm(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    private static Instant unix(String v) {
        int dot = v.indexOf('.');
        if (dot < 0) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        String frac = (v.substring(dot + 1) + "000000000").substring(0, 9);
        return Instant.ofEpochSecond(Long.parseLong(v.substring(0, dot)), Long.parseLong(frac));
    }
}
