package dev.jcompose.engine.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes log entries to an HTTP answer as Docker does: without a TTY each entry is a frame of
 * {@code [stream, 0, 0, 0, size as 4 big-endian bytes]} followed by the payload
 * ({@code application/vnd.docker.multiplexed-stream}); with a TTY the bytes go raw. With
 * {@code timestamps} every line starts with its RFC 3339 nano time and a space.
 */
public final class StreamFramer implements LogSink {
    private final OutputStream out;
    private final boolean multiplexed;
    private final boolean timestamps;

    public StreamFramer(OutputStream out, boolean multiplexed, boolean timestamps) {
        this.out = new java.io.BufferedOutputStream(out, 64 * 1024);
        this.multiplexed = multiplexed;
        this.timestamps = timestamps;
    }

    @Override
    public void accept(LogEntry entry) throws IOException {
        String text = timestamps ? TimeFormat.rfc3339Nano(entry.time()) + " " + entry.text() : entry.text();
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (multiplexed) {
            out.write(header(entry.stream().id, payload.length));
        }
        out.write(payload);
    }

    /** One socket write per catch-up, not per line: a flush per line cost a write per line (1M lines, 1M writes). */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    static byte[] header(int stream, int size) {
        return new byte[] {(byte) stream, 0, 0, 0, (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size};
    }
}
