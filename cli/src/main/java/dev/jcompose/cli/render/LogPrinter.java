package dev.jcompose.cli.render;

import dev.jcompose.cli.compose.LogFollower;
import dev.jcompose.cli.compose.LogLine;
import dev.jcompose.engine.logs.TimeFormat;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Prints merged log lines as docker compose does: the prefix ({@code web-1  | }, coloured), the
 * RFC 3339 nano time stamp when asked, the text; a container's stdout to stdout and its stderr to
 * stderr; whole lines only, one writer at a time. Also the status lines of attached {@code up}
 * ({@code web-1 exited with code 0}).
 */
public final class LogPrinter implements LogFollower.Sink {
    private static final long FLUSH_MILLIS = 50;
    private static final int STAGING = 64 * 1024;
    /** {@code 2026-12-01T10:00:00.500000000Z} */
    private static final int STAMP_WIDTH = 30;
    private static final byte[] NEWLINE = {'\n'};

    private final LogPrefixer prefixer;
    private final boolean timestamps;
    private final PrintStream out;
    private final PrintStream err;
    private final Staging outStaging;
    private final Staging errStaging;
    private boolean dirty;

    public LogPrinter(LogPrefixer prefixer, boolean timestamps, PrintStream out, PrintStream err) {
        this.prefixer = prefixer;
        this.timestamps = timestamps;
        this.out = out;
        this.err = err;
        this.outStaging = new Staging(out);
        this.errStaging = new Staging(err);
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
        outStaging.drain();
        errStaging.drain();
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

    /**
     * Writes prefix, time stamp and text as bytes into the stream's staging buffer, with no per-line
     * String, charset or lock of the PrintStream: the buffer goes to the stream when full or flushed.
     */
    @Override
    public void line(String container, boolean stderr, Instant time, byte[] text, int off, int len) {
        byte[] prefix = prefixer.prefixBytes(container);
        synchronized (this) {
            Staging to = stderr ? errStaging : outStaging;
            to.put(prefix, 0, prefix.length);
            if (timestamps && time != null) {
                to.stamp(time);
            }
            to.put(text, off, len);
            to.put(NEWLINE, 0, 1);
            dirty = true;
        }
    }

    /** A line about a container, not from it: {@code web-1 exited with code 0}, in the container's colour. */
    public void status(String container, String message) {
        String text = prefixer.status(container, message);
        synchronized (this) {
            outStaging.drain();
            out.println(text);
            flush();
        }
    }

    static String format(Instant t) {
        return TimeFormat.rfc3339Nano(t);
    }

    /** One stream's lines not yet handed to its PrintStream (guarded by the printer's lock). */
    private static final class Staging {
        private final PrintStream to;
        private final byte[] buf = new byte[STAGING];
        private int used;
        private long stampSecond = Long.MIN_VALUE;
        private byte[] secondPrefix;

        Staging(PrintStream to) {
            this.to = to;
        }

        void put(byte[] b, int off, int len) {
            if (len > STAGING - used) {
                drain();
                if (len > STAGING) {
                    to.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buf, used, len);
            used += len;
        }

        /** {@code 2026-12-01T10:00:00.500000000Z } — the part up to the second made once per second. */
        void stamp(Instant t) {
            if (t.getEpochSecond() != stampSecond) {
                stampSecond = t.getEpochSecond();
                secondPrefix = format(Instant.ofEpochSecond(stampSecond)).substring(0, 20).getBytes(StandardCharsets.US_ASCII);
            }
            if (STAGING - used < STAMP_WIDTH + 1) {
                drain();
            }
            System.arraycopy(secondPrefix, 0, buf, used, secondPrefix.length);
            used += secondPrefix.length;
            int nanos = t.getNano();
            for (int i = used + 8; i >= used; i--) {
                buf[i] = (byte) ('0' + nanos % 10);
                nanos /= 10;
            }
            used += 9;
            buf[used++] = 'Z';
            buf[used++] = ' ';
        }

        void drain() {
            if (used > 0) {
                to.write(buf, 0, used);
                used = 0;
            }
        }
    }
}
