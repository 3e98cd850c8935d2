package dev.jcompose.engine.image.unpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.constants.platform.Errno;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * The file system calls the JDK lacks, from libc through jnr-ffi: mknod, lchown, chmod with the
 * setuid/setgid/sticky bits, utimensat without following symlinks, and lsetxattr/lgetxattr. Every
 * call acts on the link itself where the kernel allows it, never on what a symlink points to.
 */
public final class NativeFs {
    public static final int S_IFIFO = 0010000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFBLK = 0060000;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    /** libc as jnr-ffi binds it. */
    public interface LibC {
        @SaveError
        int mknod(String path, int mode, long dev);

        @SaveError
        int lchown(String path, int uid, int gid);

        @SaveError
        int chmod(String path, int mode);

        @SaveError
        int utimensat(int dirfd, String path, long[] times, int flags);

        @SaveError
        int lsetxattr(String path, String name, byte[] value, long size, int flags);

        @SaveError
        long lgetxattr(String path, String name, byte[] value, long size);

        int geteuid();
    }

    private final LibC libc;
    private final Runtime runtime;

    public NativeFs() {
        this.libc = LibraryLoader.create(LibC.class).load("c");
        this.runtime = Runtime.getRuntime(libc);
    }

    public boolean isRoot() {
        return libc.geteuid() == 0;
    }

    /** {@code makedev(3)} as glibc encodes it. */
    public static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    /** Creates a device node or fifo; {@code type} is one of {@link #S_IFCHR}, {@link #S_IFBLK}, {@link #S_IFIFO}. */
    public void mknod(Path path, int type, int perm, long major, long minor) throws IOException {
        check(libc.mknod(path.toString(), type | (perm & 07777), makedev(major, minor)), "mknod", path);
    }

    public void lchown(Path path, int uid, int gid) throws IOException {
        check(libc.lchown(path.toString(), uid, gid), "lchown", path);
    }

    /** chmod with all 12 permission bits; never call it on a symlink (it would follow). */
    public void chmod(Path path, int mode) throws IOException {
        check(libc.chmod(path.toString(), mode & 07777), "chmod", path);
    }

    /** Sets atime and mtime (seconds + nanoseconds) on the path itself, symlinks included. */
    public void setTimes(Path path, long atimeSec, long atimeNanos, long mtimeSec, long mtimeNanos) throws IOException {
        long[] times = {atimeSec, atimeNanos, mtimeSec, mtimeNanos};
        check(libc.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
    }

    public void setXattr(Path path, String name, byte[] value) throws IOException {
        check(libc.lsetxattr(path.toString(), name, value, value.length, 0), "lsetxattr " + name, path);
    }

    /** The attribute's value, or null when the path does not have it. */
    public byte[] getXattr(Path path, String name) throws IOException {
        byte[] buf = new byte[4096];
        long n = libc.lgetxattr(path.toString(), name, buf, buf.length);
        if (n < 0) {
            int errno = runtime.getLastError();
            if (errno == Errno.ENODATA.intValue()) {
                return null;
            }
            throw failure("lgetxattr " + name, path, errno);
        }
        byte[] out = new byte[(int) n];
        System.arraycopy(buf, 0, out, 0, out.length);
        return out;
    }

    public String getXattrString(Path path, String name) throws IOException {
        byte[] v = getXattr(path, name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    private void check(int rc, String call, Path path) throws IOException {
        if (rc != 0) {
            throw failure(call, path, runtime.getLastError());
        }
    }

    private static IOException failure(String call, Path path, int errno) {
        Errno e = Errno.valueOf(errno);
        return new IOException(call + " " + path + ": " + (e == null ? "errno " + errno : e.description()));
    }
}
