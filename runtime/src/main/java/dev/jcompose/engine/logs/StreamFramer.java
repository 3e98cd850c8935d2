package dev.jcompose.engine.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes log entries to an HTTP answer as Docker does: without a TTY each entry is a frame of
 * {@code [stream, 0, 0, 0, size as 4 big-endian bytes]} followed by the payload
 * ({@code application/vnd.docker.multiplexed-stream}); with a TTY the bytes go raw. With
 * {@code timestamps} every line starts with its RFC 3339 nano time and a space.
 *
 * <p>Frames are put together in a buffer of its own, straight from a decoded json-file
 * {@link JsonFileRecord} (bytes to bytes, no String per line), and go out one buffer at a time.
 */
public final class StreamFramer implements LogSink {
    private static final int BUFFER = 256 * 1024;
    private static final int HEADER = 8;

    private final OutputStream out;
    private final boolean multiplexed;
    private final boolean timestamps;
    private final byte[] buf = new byte[BUFFER];
    private int used;

    public StreamFramer(OutputStream out, boolean multiplexed, boolean timestamps) {
        this.out = out;
        this.multiplexed = multiplexed;
        this.timestamps = timestamps;
    }

    @Override
    public void accept(LogEntry entry) throws IOException {
        String text = timestamps ? TimeFormat.rfc3339Nano(entry.time()) + " " + entry.text() : entry.text();
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (multiplexed) {
            room(HEADER);
            header(entry.stream().id, payload.length, buf, used);
            used += HEADER;
        }
        write(payload, 0, payload.length);
    }

    @Override
    public void record(JsonFileRecord r) throws IOException {
        int stampLength = timestamps ? JsonFileRecord.STAMP_WIDTH + 1 : 0;
        int size = stampLength + r.textLength();
        room(HEADER + stampLength);
        if (multiplexed) {
            header(r.stream().id, size, buf, used);
            used += HEADER;
        }
        if (timestamps) {
            used += r.stamp(buf, used);
            buf[used++] = ' ';
        }
        write(r.text(), 0, r.textLength());
    }

    /** One socket write per catch-up or full buffer, not per line: a flush per line cost a write per line (1M lines, 1M writes). */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (len > BUFFER - used) {
            drain();
            if (len > BUFFER) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, used, len);
        used += len;
    }

    private void room(int n) throws IOException {
        if (BUFFER - used < n) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buf, 0, used);
            used = 0;
        }
    }

    static byte[] header(int stream, int size) {
        byte[] h = new byte[HEADER];
        header(stream, size, h, 0);
        return h;
    }

    private static void header(int stream, int size, byte[] into, int at) {
        into[at] = (byte) stream;
        into[at + 1] = 0;
        into[at + 2] = 0;
        into[at + 3] = 0;
        into[at + 4] = (byte) (size >>> 24);
        into[at + 5] = (byte) (size >>> 16);
        into[at + 6] = (byte) (size >>> 8);
        into[at + 7] = (byte) size;
    }
}
