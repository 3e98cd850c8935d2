package dev.jcompose.engine.shim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import jnr.constants.platform.Fcntl;

/**
 * The engine's side of a running container's stdin and pty, through the FIFOs its monitor holds
 * open (see runtime/src/main/c/stdio.c): {@link #openStdin} for attach with stdin, {@link #resize}
 * ({@code "w ROWS COLS"}) and {@link #closeStdin} ({@code "e"}, StdinOnce) on the control FIFO.
 * A FIFO is opened without blocking, so a container whose monitor is gone answers "not running"
 * (ENXIO) instead of hanging; stdin writes then block as a pipe does, ending with EPIPE if the
 * monitor goes away meanwhile.
 */
public final class ContainerConsole {
    private static final jnr.posix.POSIX POSIX = jnr.posix.POSIXFactory.getNativePOSIX();
    private static final int O_WRONLY = 1;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final int ENOENT = 2;
    private static final int ENXIO = 6;

    private ContainerConsole() {
    }

    static Path stdinFifo(Path containerDir) {
        return containerDir.resolve("stdin.fifo");
    }

    static Path ctlFifo(Path containerDir) {
        return containerDir.resolve("ctl.fifo");
    }

    /** The container's stdin, or empty when its monitor is not there (not started, or ended). */
    public static Optional<OutputStream> openStdin(Path containerDir) throws IOException {
        int fd = open(stdinFifo(containerDir));
        if (fd < 0) {
            return Optional.empty();
        }
        int flags = POSIX.fcntl(fd, Fcntl.F_GETFL);
        POSIX.fcntlInt(fd, Fcntl.F_SETFL, flags & ~O_NONBLOCK);
        return Optional.of(new FifoOutput(fd));
    }

    /** Sizes the container's pty; false when its monitor is not there. */
    public static boolean resize(Path containerDir, int rows, int cols) throws IOException {
        return control(containerDir, "w " + rows + " " + cols + "\n");
    }

    /** Closes the container's stdin after what was written to it (StdinOnce); false when its monitor is not there. */
    public static boolean closeStdin(Path containerDir) throws IOException {
        return control(containerDir, "e\n");
    }

    private static boolean control(Path containerDir, String line) throws IOException {
        int fd = open(ctlFifo(containerDir));
        if (fd < 0) {
            return false;
        }
        try {
            byte[] b = line.getBytes(StandardCharsets.US_ASCII);
            if (POSIX.write(fd, b, b.length) != b.length) {
                throw new IOException("writing to " + ctlFifo(containerDir) + ": errno " + POSIX.errno());
            }
            return true;
        } finally {
            POSIX.close(fd);
        }
    }

    /** A descriptor, or -1 when nothing reads the FIFO (ENXIO) or it does not exist. */
    private static int open(Path fifo) throws IOException {
        int fd = POSIX.open(fifo.toString(), O_WRONLY | O_NONBLOCK | O_CLOEXEC, 0);
        if (fd >= 0) {
            return fd;
        }
        int errno = POSIX.errno();
        if (errno == ENXIO || errno == ENOENT) {
            return -1;
        }
        throw new IOException("opening " + fifo + ": errno " + errno);
    }

    private static final class FifoOutput extends OutputStream {
        private int fd;

        FifoOutput(int fd) {
            this.fd = fd;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (fd < 0) {
                throw new IOException("the container's stdin is closed");
            }
            byte[] chunk = off == 0 ? b : java.util.Arrays.copyOfRange(b, off, off + len);
            int done = 0;
            while (done < len) {
                byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, len);
                int n = POSIX.write(fd, rest, len - done);
                if (n < 0) {
                    throw new IOException("writing the container's stdin: errno " + POSIX.errno()
                            + " (the container ended?)");
                }
                done += n;
            }
        }

        @Override
        public synchronized void close() {
            if (fd >= 0) {
                POSIX.close(fd);
                fd = -1;
            }
        }
    }
}
