package dev.jcompose.engine.logs;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * One json-file line decoded in place, with no String, no parser object and no {@link Instant} per
 * line: the stream, the text as UTF-8 bytes (JSON escapes undone) and the time. Made for the line the
 * shim writes ({@code {"log":"…","stream":"stdout","time":"<RFC 3339, 9 fraction digits>Z"}}); any
 * other line (other field order, {@code \\u} escapes beyond ASCII, another time form) is handed to
 * {@link JsonFileFormat#parse}, so both read the same. Reused line after line: what it holds is valid
 * until the next {@link #decode}.
 */
public final class JsonFileRecord {
    private static final byte[] HEAD = "{\"log\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDOUT_MID = "\",\"stream\":\"stdout\",\"time\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDERR_MID = "\",\"stream\":\"stderr\",\"time\":\"".getBytes(StandardCharsets.US_ASCII);
    /** {@code 2026-11-22T10:00:00.000000001Z} */
    static final int STAMP_WIDTH = 30;

    private LogEntry.Stream stream;
    private byte[] text = new byte[1024];
    private int textLength;
    private final byte[] stamp = new byte[STAMP_WIDTH];
    private boolean stampFixed;
    private long seconds;
    private int nanos;
    private Instant time;
    private final byte[] lastDate = new byte[10];
    private long lastEpochDay = Long.MIN_VALUE;

    /** Decodes {@code b[off, off+len)} (a line without its newline); false when it is not a log record (a torn write). */
    public boolean decode(byte[] b, int off, int len) {
        time = null;
        if (fast(b, off, len)) {
            return true;
        }
        Optional<LogEntry> slow = JsonFileFormat.parse(new String(b, off, len, StandardCharsets.UTF_8));
        if (slow.isEmpty()) {
            return false;
        }
        set(slow.get());
        return true;
    }

    /** Holds {@code e} (an entry from elsewhere, e.g. the slow parser). */
    void set(LogEntry e) {
        stream = e.stream();
        byte[] t = e.text().getBytes(StandardCharsets.UTF_8);
        ensure(t.length);
        System.arraycopy(t, 0, text, 0, t.length);
        textLength = t.length;
        time = e.time();
        seconds = time.getEpochSecond();
        nanos = time.getNano();
        stampFixed = false;
    }

    public LogEntry.Stream stream() {
        return stream;
    }

    /** The text's bytes: {@code text()[0, textLength())}. */
    public byte[] text() {
        return text;
    }

    public int textLength() {
        return textLength;
    }

    public Instant time() {
        if (time == null) {
            time = Instant.ofEpochSecond(seconds, nanos);
        }
        return time;
    }

    /** Whether the time is before {@code t}, without making an Instant. */
    boolean before(Instant t) {
        return seconds < t.getEpochSecond() || (seconds == t.getEpochSecond() && nanos < t.getNano());
    }

    /** Writes the time as {@code docker logs -t} shows it (fixed-width RFC 3339 nano) at {@code into[at]}; returns its width. */
    int stamp(byte[] into, int at) {
        if (stampFixed) {
            System.arraycopy(stamp, 0, into, at, STAMP_WIDTH);
        } else {
            byte[] s = TimeFormat.rfc3339Nano(time()).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, into, at, s.length);
        }
        return STAMP_WIDTH;
    }

    public LogEntry toEntry() {
        return new LogEntry(stream, time(), new String(text, 0, textLength, StandardCharsets.UTF_8));
    }

    private boolean fast(byte[] b, int off, int len) {
        int end = off + len;
        if (!startsWith(b, off, end, HEAD)) {
            return false;
        }
        int i = off + HEAD.length;
        textLength = 0;
        int run = i;
        while (true) {
            if (i >= end) {
                return false;
            }
            byte c = b[i];
            if (c == '"') {
                append(b, run, i - run);
                break;
            }
            if (c != '\\') {
                i++;
                continue;
            }
            append(b, run, i - run);
            if (i + 1 >= end) {
                return false;
            }
            byte unescaped;
            switch (b[i + 1]) {
                case 'n' -> unescaped = '\n';
                case 't' -> unescaped = '\t';
                case 'r' -> unescaped = '\r';
                case '"' -> unescaped = '"';
                case '\\' -> unescaped = '\\';
                case '/' -> unescaped = '/';
                case 'b' -> unescaped = '\b';
                case 'f' -> unescaped = '\f';
                case 'u' -> {
                    int v = i + 6 <= end ? hex4(b, i + 2) : -1;
                    if (v < 0 || v >= 0x80) {
                        return false; // beyond ASCII (surrogates, UTF-8 of a code point): the slow parser
                    }
                    ensure(textLength + 1);
                    text[textLength++] = (byte) v;
                    i += 6;
                    run = i;
                    continue;
                }
                default -> {
                    return false;
                }
            }
            ensure(textLength + 1);
            text[textLength++] = unescaped;
            i += 2;
            run = i;
        }
        // i is at the closing quote of "log"
        if (startsWith(b, i, end, STDOUT_MID)) {
            stream = LogEntry.Stream.STDOUT;
        } else if (startsWith(b, i, end, STDERR_MID)) {
            stream = LogEntry.Stream.STDERR;
        } else {
            return false;
        }
        int t = i + STDOUT_MID.length;
        if (end - t != STAMP_WIDTH + 2 || b[end - 2] != '"' || b[end - 1] != '}') {
            return false;
        }
        return fixedTime(b, t);
    }

    /** Reads {@code 2026-11-22T10:00:00.000000001Z} at {@code b[at]}; false when it is not that form. */
    private boolean fixedTime(byte[] b, int at) {
        if (b[at + 4] != '-' || b[at + 7] != '-' || b[at + 10] != 'T' || b[at + 13] != ':' || b[at + 16] != ':'
                || b[at + 19] != '.' || b[at + 29] != 'Z') {
            return false;
        }
        int hour = number(b, at + 11, 2);
        int minute = number(b, at + 14, 2);
        int second = number(b, at + 17, 2);
        int nano = number(b, at + 20, 9);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
            return false;
        }
        if (!Arrays.equals(b, at, at + 10, lastDate, 0, 10)) {
            int year = number(b, at, 4);
            int month = number(b, at + 5, 2);
            int day = number(b, at + 8, 2);
            if (year < 0 || month < 0 || day < 0) {
                return false;
            }
            try {
                lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                return false;
            }
            System.arraycopy(b, at, lastDate, 0, 10);
        }
        seconds = lastEpochDay * 86_400 + hour * 3_600L + minute * 60L + second;
        nanos = nano;
        System.arraycopy(b, at, stamp, 0, STAMP_WIDTH);
        stampFixed = true;
        return true;
    }

    private void append(byte[] b, int from, int n) {
        if (n > 0) {
            ensure(textLength + n);
            System.arraycopy(b, from, text, textLength, n);
            textLength += n;
        }
    }

    private void ensure(int capacity) {
        if (capacity > text.length) {
            text = Arrays.copyOf(text, Math.max(capacity, text.length * 2));
        }
    }

    private static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
        return end - at >= prefix.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int number(byte[] b, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    private static int hex4(byte[] b, int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
