package dev.jcompose.engine.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Docker's fixed-width RFC 3339 nano timestamps ({@code 2026-11-22T10:00:00.000000001Z}), written and
 * read by hand: every log line carries one, and {@code java.time}'s formatter was most of the cost
 * of {@code docker logs} on a million lines. Other RFC 3339 forms are read by {@link Instant#parse}.
 */
public final class TimeFormat {
    private static final int WIDTH = "2026-11-22T10:00:00.000000001Z".length();

    private TimeFormat() {
    }

    public static String rfc3339Nano(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        char[] c = new char[WIDTH];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, d.getHour(), 2);
        c[13] = ':';
        digits(c, 14, d.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, d.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, d.getNano(), 9);
        c[29] = 'Z';
        return new String(c);
    }

    /** Reads an RFC 3339 time; the fixed-width nano form the shim writes without {@code java.time}'s parser. */
    public static Instant parse(String s) {
        if (s.length() == WIDTH && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == '.' && s.charAt(29) == 'Z') {
            int year = number(s, 0, 4);
            int month = number(s, 5, 2);
            int day = number(s, 8, 2);
            int hour = number(s, 11, 2);
            int minute = number(s, 14, 2);
            int second = number(s, 17, 2);
            int nano = number(s, 20, 9);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0
                    && second < 60 && nano >= 0) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nano);
                } catch (DateTimeException e) {
                    throw new DateTimeParseException("invalid date: " + e.getMessage(), s, 0);
                }
            }
        }
        return Instant.parse(s);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal number in {@code s[at, at+width)}, or -1 when a character there is not a digit. */
    private static int number(String s, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }
}
