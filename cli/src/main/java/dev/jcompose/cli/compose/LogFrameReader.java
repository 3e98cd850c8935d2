package dev.jcompose.cli.compose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a {@code /containers/{id}/logs?timestamps=1} answer into lines: Docker's multiplexed framing
 * ({@code [stream,0,0,0,size(4, big-endian)] payload}) or, for a TTY container, the raw bytes as
 * stdout. Each line's leading RFC 3339 time stamp is taken off and parsed; a line split across
 * frames is joined; a last line without a newline is still delivered.
 *
 * <p>Lines stay bytes: a million-line log is read without a String, a charset pass or a
 * {@code java.time} parse per line ({@link LogTimeParser}).
 */
public final class LogFrameReader {
    /** Where the lines go. {@code text[off, off+len)} is the line without its time stamp and newline, valid during the call only. */
    public interface LineSink {
        void line(boolean stderr, Instant time, byte[] text, int off, int len);
    }

    private static final int BUFFER = 1 << 16;

    private final LineSink sink;
    private final Runnable caughtUp;
    private final LogTimeParser times = new LogTimeParser();
    private final Partial[] partial = {new Partial(), new Partial()};
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;

    /** A line begun in one frame (or read) and ended in a later one. */
    private static final class Partial {
        byte[] bytes = new byte[256];
        int length;

        void append(byte[] b, int off, int len) {
            if (length + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + len));
            }
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }
    }

    public LogFrameReader(Consumer<LogLine> sink) {
        this(sink, () -> { });
    }

    /** @param caughtUp called when the stream has ended (the lines so far can be flushed to the terminal) */
    public LogFrameReader(Consumer<LogLine> sink, Runnable caughtUp) {
        this((stderr, time, text, off, len) -> sink.accept(new LogLine(stderr, time, new String(text, off, len, StandardCharsets.UTF_8))),
                caughtUp);
    }

    /** @param caughtUp called when the stream has ended (the lines so far can be flushed to the terminal) */
    public LogFrameReader(LineSink sink, Runnable caughtUp) {
        this.sink = sink;
        this.caughtUp = caughtUp;
    }

    /** Reads until the stream ends. */
    public void read(InputStream in) throws IOException {
        fill(in, 8);
        boolean framed = limit >= 8 && buf[0] <= 2 && buf[1] == 0 && buf[2] == 0 && buf[3] == 0;
        if (framed) {
            readFrames(in);
        } else {
            while (limit > pos) {
                lines(0, buf, pos, limit - pos);
                pos = limit;
                fill(in, 1);
            }
        }
        for (int i = 0; i < 2; i++) {
            Partial p = partial[i];
            if (p.length > 0) {
                emit(i, p.bytes, 0, p.length);
                p.length = 0;
            }
        }
        caughtUp.run();
    }

    private void readFrames(InputStream in) throws IOException {
        while (fill(in, 8)) {
            int stream = buf[pos] == 2 ? 1 : 0;
            int size = ((buf[pos + 4] & 0xff) << 24) | ((buf[pos + 5] & 0xff) << 16) | ((buf[pos + 6] & 0xff) << 8) | (buf[pos + 7] & 0xff);
            pos += 8;
            while (size > 0) { // a frame larger than what is buffered is handled piece by piece
                if (!fill(in, 1)) {
                    return;
                }
                int n = Math.min(size, limit - pos);
                lines(stream, buf, pos, n);
                pos += n;
                size -= n;
            }
        }
    }

    /** Makes at least {@code need} bytes available at {@code pos} (fewer only at the end of the stream); false when there are none. */
    private boolean fill(InputStream in, int need) throws IOException {
        if (limit - pos >= need) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < need) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                break;
            }
            limit += r;
        }
        return limit - pos >= need;
    }

    /** Splits a piece of one stream's output into lines, joining the piece's start to a line begun earlier. */
    private void lines(int stream, byte[] b, int off, int len) {
        Partial p = partial[stream];
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                if (p.length > 0) {
                    p.append(b, start, i - start);
                    emit(stream, p.bytes, 0, p.length);
                    p.length = 0;
                } else {
                    emit(stream, b, start, i - start);
                }
                start = i + 1;
            }
        }
        if (start < end) {
            p.append(b, start, end - start);
        }
    }

    private void emit(int stream, byte[] b, int off, int len) {
        int space = -1;
        for (int i = off; i < off + len; i++) {
            if (b[i] == ' ') {
                space = i;
                break;
            }
        }
        Instant time = space > off ? times.parse(b, off, space - off) : null;
        if (time == null) {
            sink.line(stream == 1, null, b, off, len);
        } else {
            sink.line(stream == 1, time, b, space + 1, off + len - space - 1);
        }
    }

    static Instant parseTime(String text) {
        return LogTimeParser.parse(text);
    }
}
