package dev.jcompose.cli.compose;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the RFC 3339 time stamps the engine puts before each log line ({@code timestamps=1}) straight
 * from the line's bytes: {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)}. The date and time up to the
 * second is converted once per distinct second (the lines of a log share it by the thousand); anything
 * else is handed to {@link OffsetDateTime#parse}, so the verdicts are {@code java.time}'s. One parser per
 * reading thread (it keeps the last second it saw).
 */
final class LogTimeParser {
    private static final int SECONDS_LENGTH = 19; // yyyy-MM-ddTHH:mm:ss
    private static final long NONE = Long.MIN_VALUE;

    private final byte[] lastSecond = new byte[SECONDS_LENGTH];
    private long lastEpochSecond;
    private boolean haveLast;

    /** The time stamp in {@code b[off, off+len)}, or null when it is none. */
    Instant parse(byte[] b, int off, int len) {
        if (len < 20 || b[off + 4] != '-' || b[off + 10] != 'T') {
            return null;
        }
        Instant fast = fast(b, off, len);
        return fast != null ? fast : slow(new String(b, off, len, StandardCharsets.ISO_8859_1));
    }

    /** The same for a string ({@code null} when it is no time stamp). */
    static Instant parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new LogTimeParser().parse(b, 0, b.length);
    }

    private Instant fast(byte[] b, int off, int len) {
        if (b[off + 7] != '-' || b[off + 13] != ':' || b[off + 16] != ':') {
            return null;
        }
        int i = off + SECONDS_LENGTH;
        int end = off + len;
        int nanos = 0;
        if (b[i] == '.') {
            int digits = 0;
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (++digits > 9) {
                    return null;
                }
                nanos = nanos * 10 + (b[i] - '0');
                i++;
            }
            if (digits == 0) {
                return null;
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == end - 1 && b[i] == 'Z') {
            offsetSeconds = 0;
        } else if (i == end - 6 && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':') {
            int hh = twoDigits(b, i + 1);
            int mm = twoDigits(b, i + 4);
            if (hh < 0 || mm < 0 || hh > 18 || mm > 59) {
                return null;
            }
            offsetSeconds = (b[i] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
        } else {
            return null;
        }
        long second = epochSecond(b, off);
        return second == NONE ? null : Instant.ofEpochSecond(second - offsetSeconds, nanos);
    }

    /** The UNIX second of the date and time at {@code b[off]}, or {@link #NONE} when it is no valid one. */
    private long epochSecond(byte[] b, int off) {
        if (haveLast && java.util.Arrays.equals(b, off, off + SECONDS_LENGTH, lastSecond, 0, SECONDS_LENGTH)) {
            return lastEpochSecond;
        }
        int year = twoDigits(b, off) * 100 + twoDigits(b, off + 2);
        int month = twoDigits(b, off + 5);
        int day = twoDigits(b, off + 8);
        int hour = twoDigits(b, off + 11);
        int minute = twoDigits(b, off + 14);
        int sec = twoDigits(b, off + 17);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || sec < 0) {
            return NONE;
        }
        try {
            lastEpochSecond = LocalDateTime.of(year, month, day, hour, minute, sec).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return NONE;
        }
        System.arraycopy(b, off, lastSecond, 0, SECONDS_LENGTH);
        haveLast = true;
        return lastEpochSecond;
    }

    private static int twoDigits(byte[] b, int at) {
        int hi = b[at] - '0';
        int lo = b[at + 1] - '0';
        return hi < 0 || hi > 9 || lo < 0 || lo > 9 ? -1 : hi * 10 + lo;
    }

    private static Instant slow(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
