package dev.jcompose.engine.shim;

import java.nio.file.Path;

/**
 * A container's stdio as the shim sets it up (runtime/src/main/c/stdio.c): {@code tty} gives PID 1
 * a pty of the container's devpts whose master the monitor holds; {@code stdinFifo} (OpenStdin) is
 * where the engine writes the container's stdin; {@code ctlFifo} carries resize and close-stdin
 * lines. Both FIFOs are in the container's directory ({@link ContainerConsole} writes them).
 * {@code rows}/{@code cols} (0 when unset) are the pty's size before PID 1 runs (Docker's {@code ConsoleSize}).
 */
public record ContainerStdio(boolean tty, Path stdinFifo, Path ctlFifo, int rows, int cols) {
    public static final ContainerStdio NONE = new ContainerStdio(false, null, null, 0, 0);

    /** What a container with Docker's {@code Tty} and {@code OpenStdin} gets, its FIFOs in {@code containerDir}. */
    public static ContainerStdio of(boolean tty, boolean openStdin, Path containerDir) {
        if (!tty && !openStdin) {
            return NONE;
        }
        return new ContainerStdio(tty, openStdin ? ContainerConsole.stdinFifo(containerDir) : null,
                ContainerConsole.ctlFifo(containerDir), 0, 0);
    }

    /** The same with the pty's first size; a size without a TTY is ignored, as Docker does. */
    public ContainerStdio withConsoleSize(int rows, int cols) {
        return tty ? new ContainerStdio(tty, stdinFifo, ctlFifo, rows, cols) : this;
    }
}
