package dev.jcompose.cli.render;

import dev.jcompose.cli.compose.LogFollower;
import dev.jcompose.cli.compose.LogLine;
import java.io.PrintStream;
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

    private final LogPrefixer prefixer;
    private final boolean timestamps;
    private final PrintStream out;
    private final PrintStream err;

    public LogPrinter(LogPrefixer prefixer, boolean timestamps, PrintStream out, PrintStream err) {
        this.prefixer = prefixer;
        this.timestamps = timestamps;
        this.out = out;
        this.err = err;
    }

    @Override
    public void attached(String container) {
        prefixer.add(container);
    }

    @Override
    public void line(String container, LogLine line) {
        String stamp = timestamps && line.time() != null ? format(line.time()) : null;
        String text = prefixer.line(container, stamp, line.text());
        synchronized (this) {
            PrintStream target = line.stderr() ? err : out;
            target.println(text);
            target.flush();
        }
    }

    /** A line about a container, not from it: {@code web-1 exited with code 0}, in the container's colour. */
    public void status(String container, String message) {
        String text = prefixer.status(container, message);
        synchronized (this) {
            out.println(text);
            out.flush();
        }
    }

    static String format(Instant t) {
        return NANO.format(t);
    }
}
