package dev.jcompose.cli.render;

import dev.jcompose.cli.compose.LogFollower;
import dev.jcompose.cli.compose.LogLine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints merged log lines as docker compose does: the prefix ({@code web-1  | }, coloured), the
 * RFC 3339 nano time stamp when asked, the text; a container's stdout to stdout and its stderr to
 * stderr; whole lines only, one writer at a time. Also the status lines of attached {@code up}
 * ({@code web-1 exited with code 0}).
 */
public final class LogPrinter implements LogFollower.Sink {
    private static final DateTimeFormatter NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);
    private static final long FLUSH_MILLIS = 50;

    private final LogPrefixer prefixer;
    private final boolean timestamps;
    private final PrintStream out;
    private final PrintStream err;
    private boolean dirty;

    public LogPrinter(LogPrefixer prefixer, boolean timestamps, PrintStream out, PrintStream err) {
        this.prefixer = prefixer;
        this.timestamps = timestamps;
        this.out = out;
        this.err = err;
    }

    /**
     * A printer to the process's stdout and stderr, buffered: flushed every {@code FLUSH_MILLIS} while
     * lines come (a write per line makes a million lines take many seconds), and when a stream ends.
     */
    public static LogPrinter toTerminal(LogPrefixer prefixer, boolean timestamps) {
        LogPrinter p = new LogPrinter(prefixer, timestamps, buffered(java.io.FileDescriptor.out), buffered(java.io.FileDescriptor.err));
        Thread flusher = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(FLUSH_MILLIS);
                    p.flushIfDirty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "log-flusher");
        flusher.setDaemon(true);
        flusher.start();
        return p;
    }

    private synchronized void flushIfDirty() {
        if (dirty) {
            flush();
        }
    }

    private static PrintStream buffered(java.io.FileDescriptor fd) {
        return new PrintStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(fd), 1 << 16), false, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void flush() {
        out.flush();
        err.flush();
        dirty = false;
    }

    @Override
    public void attached(String container) {
        prefixer.add(container);
    }

    /** A line given as text (tests, status-like lines). */
    public void line(String container, LogLine line) {
        byte[] text = line.text().getBytes(StandardCharsets.UTF_8);
        line(container, line.stderr(), line.time(), text, 0, text.length);
    }

    /** Writes prefix, time stamp and text as bytes, with no per-line String or charset work. */
    @Override
    public void line(String container, boolean stderr, Instant time, byte[] text, int off, int len) {
        byte[] prefix = prefixer.prefixBytes(container);
        byte[] stamp = timestamps && time != null ? (format(time) + " ").getBytes(StandardCharsets.US_ASCII) : null;
        synchronized (this) {
            PrintStream to = stderr ? err : out;
            to.write(prefix, 0, prefix.length);
            if (stamp != null) {
                to.write(stamp, 0, stamp.length);
            }
            to.write(text, off, len);
            to.write('\n');
            dirty = true;
        }
    }

    /** A line about a container, not from it: {@code web-1 exited with code 0}, in the container's colour. */
    public void status(String container, String message) {
        String text = prefixer.status(container, message);
        synchronized (this) {
            out.println(text);
            flush();
        }
    }

    static String format(Instant t) {
        return NANO.format(t);
    }
}
