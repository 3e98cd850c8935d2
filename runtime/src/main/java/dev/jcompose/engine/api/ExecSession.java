package dev.jcompose.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Connects a running exec process to its client until the process ends: stdout (and stderr, framed
 * as Docker's multiplexed stream unless under a TTY) to the client, the client's input (if any) to
 * the process's stdin, closing that when the client closes its side. Returns the exit code.
 */
final class ExecSession {
    private final Process process;
    private final StreamFrames frames;

    ExecSession(Process process, StreamFrames frames) {
        this.process = process;
        this.frames = frames;
    }

    /** Runs the session; {@code clientInput} is null when stdin is not attached. */
    int run(InputStream clientInput) throws InterruptedException {
        Thread stdin = null;
        if (clientInput != null) {
            stdin = daemon("exec-stdin", () -> forward(clientInput, process.getOutputStream()));
        }
        Thread stderr = daemon("exec-stderr", () -> pump(process.getErrorStream(), StreamFrames.STDERR));
        pump(process.getInputStream(), StreamFrames.STDOUT);
        int code = process.waitFor();
        stderr.join(5000);
        if (stdin != null) {
            stdin.interrupt(); // the client may keep its side open; the process is gone
        }
        return code;
    }

    private void pump(InputStream in, int stream) {
        byte[] buf = new byte[16384];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                frames.write(stream, buf, 0, n);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void forward(InputStream from, OutputStream to) {
        byte[] buf = new byte[16384];
        try (to) {
            int n;
            while ((n = from.read(buf)) > 0) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the process or the client went away
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
