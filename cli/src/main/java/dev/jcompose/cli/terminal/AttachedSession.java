package dev.jcompose.cli.terminal;

import dev.jcompose.cli.compose.RawStreams;
import dev.jcompose.cli.engine.HijackedStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The caller's side of an attached exec or run, as the docker CLI does it: with a TTY the terminal
 * goes raw (keys, ^C included, go to the container's pty), output is copied raw and the pty follows
 * the terminal's size (at once and on SIGWINCH); without one, output is Docker's multiplexed stream
 * split to stdout and stderr. Stdin is copied while it lasts, then the input side is half-closed.
 * {@link #run} returns when the output ends.
 */
public final class AttachedSession {
    /** Sizes the container's or exec's pty ({@code POST …/resize?h=&w=}). */
    @FunctionalInterface
    public interface Resizer {
        void resize(int rows, int cols);
    }

    private final HijackedStream stream;
    private final boolean tty;
    private final boolean stdin;

    public AttachedSession(HijackedStream stream, boolean tty, boolean stdin) {
        this.stream = stream;
        this.tty = tty;
        this.stdin = stdin;
    }

    /** Call after the process started (resizing needs it running). */
    public void run(Resizer resizer, OutputStream out, OutputStream err) throws IOException {
        boolean terminal = tty && Terminal.isTerminal(0);
        if (tty) {
            followSize(resizer);
        }
        Terminal.Restore restore = terminal && stdin ? Terminal.makeRaw(0) : () -> { };
        Thread restoreOnExit = new Thread(restore::close, "terminal-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
        try {
            if (stdin) {
                Thread input = new Thread(this::copyInput, "session-stdin");
                input.setDaemon(true);
                input.start();
            } else {
                stream.closeInput();
            }
            if (tty) {
                copy(stream.output(), out);
            } else {
                RawStreams.demux(stream.output(), out, err);
            }
        } finally {
            restore.close();
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException e) {
                // shutting down: the hook restores the terminal
            }
        }
    }

    private void followSize(Resizer resizer) {
        Runnable apply = () -> {
            int[] size = Terminal.size(1);
            if (size == null) {
                size = Terminal.size(0);
            }
            if (size != null) {
                resizer.resize(size[0], size[1]);
            }
        };
        apply.run();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), sig -> apply.run());
        } catch (IllegalArgumentException e) {
            // no SIGWINCH here: the size stays as it was at the start
        }
    }

    private void copyInput() {
        InputStream in = new FileInputStream(FileDescriptor.in);
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                stream.input().write(buf, 0, n);
            }
        } catch (IOException e) {
            // the session ended
        }
        stream.closeInput();
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buf = new byte[16384];
        int n;
        while ((n = from.read(buf)) > 0) {
            to.write(buf, 0, n);
            to.flush();
        }
    }
}
