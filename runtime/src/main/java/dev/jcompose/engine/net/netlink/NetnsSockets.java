package dev.jcompose.engine.net.netlink;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * Opens a {@code NETLINK_ROUTE} socket inside another network namespace without a process spawn:
 * a fresh thread of its own joins the netns ({@code setns(2)} changes only the calling thread), opens
 * and binds the socket there and ends. A socket stays in the netns it was made in, so every
 * request on it — from any thread — configures that netns, while no thread that runs other engine
 * work is ever in it. The thread never returns to the engine's netns: it just ends (no
 * half-restored state to get wrong); it holds no lock and runs no other code.
 */
public final class NetnsSockets {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 02000000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final long TIMEOUT_SECONDS = 10;

    /** libc as jnr-ffi binds it. */
    public interface LibC {
        @SaveError
        int open(String path, int flags);

        @SaveError
        int setns(int fd, int nstype);

        int close(int fd);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    }

    private NetnsSockets() {
    }

    /** A netlink socket in the netns of process {@code pid} ({@code /proc/PID/ns/net}). */
    public static NetlinkSocket openInPid(long pid) throws IOException {
        return openIn(Path.of("/proc", Long.toString(pid), "ns", "net"));
    }

    /** A netlink socket in the netns behind {@code nsPath} (a {@code /proc/PID/ns/net} or a bind-mounted netns file). */
    public static NetlinkSocket openIn(Path nsPath) throws IOException {
        IOException[] failure = new IOException[1];
        NetlinkSocket[] result = new NetlinkSocket[1];
        Thread t = new Thread(() -> {
            try {
                result[0] = enterAndOpen(nsPath);
            } catch (IOException e) {
                failure[0] = e;
            } catch (RuntimeException | LinkageError e) {
                failure[0] = new IOException("open a netlink socket in " + nsPath + ": " + e, e);
            }
        }, "netns-socket");
        t.setDaemon(true);
        t.start();
        try {
            t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening a netlink socket in " + nsPath);
        }
        if (t.isAlive()) {
            throw new IOException("open a netlink socket in " + nsPath + ": no result within " + TIMEOUT_SECONDS + " s");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    private static NetlinkSocket enterAndOpen(Path nsPath) throws IOException {
        LibC libc = Holder.LIBC;
        int fd = libc.open(nsPath.toString(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            throw new NetlinkException("open network namespace " + nsPath, Runtime.getRuntime(libc).getLastError());
        }
        try {
            if (libc.setns(fd, CLONE_NEWNET) < 0) {
                throw new NetlinkException("enter network namespace " + nsPath, Runtime.getRuntime(libc).getLastError());
            }
        } finally {
            libc.close(fd);
        }
        return NetlinkSocket.open();
    }
}
