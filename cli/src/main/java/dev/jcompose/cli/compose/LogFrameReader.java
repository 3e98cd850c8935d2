package dev.jcompose.cli.compose;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Reads a {@code /containers/{id}/logs?timestamps=1} answer into lines: Docker's multiplexed framing
 * ({@code [stream,0,0,0,size(4, big-endian)] payload}) or, for a TTY container, the raw bytes as
 * stdout. Each line's leading RFC 3339 time stamp is taken off and parsed; a line split across
 * frames is joined; a last line without a newline is still delivered.
 */
public final class LogFrameReader {
    private final Consumer<LogLine> sink;
    private final Runnable caughtUp;
    private final StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};

    public LogFrameReader(Consumer<LogLine> sink) {
        this(sink, () -> { });
    }

    /** @param caughtUp called when the stream has ended (the lines so far can be flushed to the terminal) */
    public LogFrameReader(Consumer<LogLine> sink, Runnable caughtUp) {
        this.sink = sink;
        this.caughtUp = caughtUp;
    }

    /** Reads until the stream ends. */
    public void read(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(new java.io.BufferedInputStream(raw, 1 << 16), 8);
        byte[] header = new byte[8];
        int n = in.readNBytes(header, 0, 8);
        in.unread(header, 0, n);
        if (n == 8 && header[0] <= 2 && header[1] == 0 && header[2] == 0 && header[3] == 0) {
            readFrames(new DataInputStream(in));
        } else {
            byte[] buf = new byte[16 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                append(0, new String(buf, 0, r, StandardCharsets.UTF_8));
            }
        }
        for (int i = 0; i < 2; i++) {
            if (partial[i].length() > 0) {
                emit(i, partial[i].toString());
                partial[i].setLength(0);
            }
        }
        caughtUp.run();
    }

    private void readFrames(DataInputStream in) throws IOException {
        byte[] header = new byte[8];
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return;
            }
            int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            byte[] payload = new byte[size];
            in.readFully(payload);
            append(header[0] == 2 ? 1 : 0, new String(payload, StandardCharsets.UTF_8));
        }
    }

    private void append(int stream, String text) {
        StringBuilder sb = partial[stream];
        sb.append(text);
        int start = 0;
        int nl;
        while ((nl = sb.indexOf("\n", start)) >= 0) {
            emit(stream, sb.substring(start, nl));
            start = nl + 1;
        }
        sb.delete(0, start);
    }

    private void emit(int stream, String line) {
        int space = line.indexOf(' ');
        Instant time = space > 0 ? parseTime(line.substring(0, space)) : null;
        sink.accept(new LogLine(stream == 1, time, time == null ? line : line.substring(space + 1)));
    }

    static Instant parseTime(String text) {
        if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
