package dev.jcompose.engine.shim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The size of an exec's pty, as {@code jcompose-shim exec-tty} reads it: the file holds
 * "rows cols"; {@link #resize} rewrites it atomically and sends SIGWINCH to the shim, which applies it
 * (the kernel then signals the process's foreground group).
 */
public final class ExecTty {
    private static final int SIGWINCH = 28;
    private static final jnr.posix.POSIX POSIX = jnr.posix.POSIXFactory.getNativePOSIX();

    private ExecTty() {
    }

    /** Writes the size file (before the shim starts, or on resize). Zero sizes are left to the terminal's default. */
    public static void write(Path file, int rows, int cols) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, rows + " " + cols + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Applies a new size to the pty of the running exec whose shim is {@code shim}. */
    public static void resize(Path file, Process shim, int rows, int cols) throws IOException {
        write(file, rows, cols);
        if (shim.isAlive() && POSIX.kill((int) shim.pid(), SIGWINCH) != 0) {
            throw new IOException("signalling the exec's shim " + shim.pid() + " to resize: errno " + POSIX.errno());
        }
    }
}
