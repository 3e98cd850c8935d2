package dev.jcompose.engine.api;

import dev.jcompose.engine.shim.ContainerConsole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * An attached client's input to the container's stdin (through its monitor's FIFO), as Docker's
 * attach copies it: input that comes before the container runs ({@code docker run -i}, attach then
 * start) waits for it; the detach keys end the attach; when the input ends (or the client detached),
 * a StdinOnce container without a TTY gets its stdin closed, and otherwise the attach itself ends
 * (the container keeps its stdin for the next client). {@link #run} returns when that happened.
 */
final class AttachStdin {
    private static final long OPEN_RETRY_MILLIS = 20;

    private final Path containerDir;
    private final boolean tty;
    private final boolean stdinOnce;
    private final DetachKeys keys;

    AttachStdin(Path containerDir, boolean tty, boolean stdinOnce, DetachKeys keys) {
        this.containerDir = containerDir;
        this.tty = tty;
        this.stdinOnce = stdinOnce;
        this.keys = keys;
    }

    /** What ended the input. */
    enum End { INPUT_CLOSED, STDIN_CLOSED, DETACHED, CONTAINER_GONE }

    /**
     * Copies until the client's input ends, the client detaches, or {@code attached} turns false
     * (the container ended); closes the container's stdin if StdinOnce asks for it.
     */
    End run(InputStream client, BooleanSupplier attached) throws IOException, InterruptedException {
        byte[] buf = new byte[16384];
        OutputStream to = null;
        try {
            int n;
            while ((n = client.read(buf)) > 0) {
                byte[] data = keys.filter(buf, n);
                if (data.length > 0) {
                    if (to == null && (to = await(attached)) == null) {
                        return End.CONTAINER_GONE;
                    }
                    to.write(data, 0, data.length);
                }
                if (keys.detached()) {
                    break;
                }
            }
            if (stdinOnce && !tty) {
                if (to == null && (to = await(attached)) == null) {
                    return End.CONTAINER_GONE;
                }
                to.close();
                to = null;
                ContainerConsole.closeStdin(containerDir);
                return keys.detached() ? End.DETACHED : End.STDIN_CLOSED;
            }
            return keys.detached() ? End.DETACHED : End.INPUT_CLOSED;
        } catch (IOException e) {
            return End.CONTAINER_GONE; // the monitor went away with the container
        } finally {
            if (to != null) {
                to.close();
            }
        }
    }

    /** The container's stdin once its monitor is there; null if the attach ended first. */
    private OutputStream await(BooleanSupplier attached) throws IOException, InterruptedException {
        while (attached.getAsBoolean()) {
            Optional<OutputStream> out = ContainerConsole.openStdin(containerDir);
            if (out.isPresent()) {
                return out.get();
            }
            Thread.sleep(OPEN_RETRY_MILLIS);
        }
        return null;
    }
}
