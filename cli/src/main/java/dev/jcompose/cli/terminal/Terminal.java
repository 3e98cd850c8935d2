package dev.jcompose.cli.terminal;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * The caller's terminal, through libc as the docker CLI uses it: whether stdin/stdout are terminals,
 * raw mode for an interactive session ({@link #makeRaw}, restored by {@link Restore#close}), and the
 * window size for {@code resize}.
 */
public final class Terminal {
    /** libc's terminal calls (termios is at most 60 bytes on Linux; 128 leaves room). */
    public interface LibC {
        int isatty(int fd);

        int tcgetattr(int fd, Pointer termios);

        int tcsetattr(int fd, int when, Pointer termios);

        void cfmakeraw(Pointer termios);

        int ioctl(int fd, long request, Pointer arg);
    }

    private static final int TCSANOW = 0;
    private static final long TIOCGWINSZ = 0x5413;
    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

    private Terminal() {
    }

    /** Whether {@code fd} (0 stdin, 1 stdout) is a terminal. */
    public static boolean isTerminal(int fd) {
        return LIBC.isatty(fd) == 1;
    }

    /** Rows and columns of the terminal on {@code fd}, or null when it is none or has no size. */
    public static int[] size(int fd) {
        Pointer ws = Memory.allocate(jnr.ffi.Runtime.getRuntime(LIBC), 8);
        if (LIBC.ioctl(fd, TIOCGWINSZ, ws) != 0) {
            return null;
        }
        int rows = ws.getShort(0) & 0xffff;
        int cols = ws.getShort(2) & 0xffff;
        return rows == 0 || cols == 0 ? null : new int[] {rows, cols};
    }

    /** Puts the terminal on {@code fd} in raw mode (no echo, no line editing, no signals from keys) until closed. */
    public static Restore makeRaw(int fd) {
        Pointer saved = Memory.allocate(jnr.ffi.Runtime.getRuntime(LIBC), 128);
        if (LIBC.tcgetattr(fd, saved) != 0) {
            return () -> { };
        }
        Pointer raw = Memory.allocate(jnr.ffi.Runtime.getRuntime(LIBC), 128);
        byte[] copy = new byte[128];
        saved.get(0, copy, 0, copy.length);
        raw.put(0, copy, 0, copy.length);
        LIBC.cfmakeraw(raw);
        LIBC.tcsetattr(fd, TCSANOW, raw);
        return () -> LIBC.tcsetattr(fd, TCSANOW, saved);
    }

    /** Gives the terminal its settings back. */
    @FunctionalInterface
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
