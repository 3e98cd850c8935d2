package dev.jcompose.engine.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Bytes of a process's stdout and stderr onto one connection: Docker's multiplexed framing
 * ({@code [stream, 0, 0, 0, size as 4 big-endian bytes]} then the payload) when {@code multiplexed},
 * the raw bytes otherwise (TTY). Writers on several threads are serialised; once the client is gone
 * further output is dropped, so the process is never blocked by a departed client.
 */
final class StreamFrames {
    static final int STDOUT = 1;
    static final int STDERR = 2;

    private final OutputStream out;
    private final boolean multiplexed;
    private boolean broken;

    StreamFrames(OutputStream out, boolean multiplexed) {
        this.out = out;
        this.multiplexed = multiplexed;
    }

    synchronized void write(int stream, byte[] data, int off, int len) {
        if (broken || len == 0) {
            return;
        }
        try {
            if (multiplexed) {
                out.write(new byte[] {(byte) stream, 0, 0, 0, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
            }
            out.write(data, off, len);
            out.flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** Whether the client went away. */
    synchronized boolean broken() {
        return broken;
    }
}
