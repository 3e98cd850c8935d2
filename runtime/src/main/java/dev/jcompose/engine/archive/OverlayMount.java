package dev.jcompose.engine.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.constants.platform.Errno;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * A stopped container's root file system mounted on the host for the length of one copy: the same
 * overlay (image layers below, the container's upper and work dirs) the shim mounts when it runs,
 * at a directory of its own, unmounted (detached) and removed on {@link #close()}.
 */
public final class OverlayMount implements AutoCloseable {
    private static final int MNT_DETACH = 2;

    /** libc's mount and umount2 as jnr-ffi binds them. */
    public interface LibC {
        @SaveError
        int mount(String source, String target, String fstype, long flags, String data);

        @SaveError
        int umount2(String target, int flags);
    }

    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

    private final Path target;

    private OverlayMount(Path target) {
        this.target = target;
    }

    public Path root() {
        return target;
    }

    /** Mounts overlay {@code data} (lowerdir=…,upperdir=…,workdir=…) at {@code target}, created if missing. */
    public static OverlayMount mount(Path target, String data) throws IOException {
        Files.createDirectories(target);
        if (LIBC.mount("overlay", target.toString(), "overlay", 0, data) != 0) {
            int errno = Runtime.getRuntime(LIBC).getLastError();
            Files.deleteIfExists(target);
            throw new IOException("mounting the container's root file system at " + target + ": " + Errno.valueOf(errno).description());
        }
        return new OverlayMount(target);
    }

    @Override
    public void close() throws IOException {
        if (LIBC.umount2(target.toString(), MNT_DETACH) != 0) {
            int errno = Runtime.getRuntime(LIBC).getLastError();
            throw new IOException("unmounting " + target + ": " + Errno.valueOf(errno).description());
        }
        Files.deleteIfExists(target);
    }
}
