package dev.jcompose.engine.net.netlink;

import java.io.IOException;
import jnr.constants.platform.Errno;

/** A failed netlink request: what was attempted, on what, and the kernel's errno by name. */
public final class NetlinkException extends IOException {
    private final int errno;

    public NetlinkException(String action, int errno) {
        super(action + ": " + describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** The errno's symbolic name, e.g. {@code EEXIST}, or {@code errno N} when unknown. */
    public String errnoName() {
        Errno e = Errno.valueOf(errno);
        return e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.name();
    }

    /** {@code File exists (EEXIST)}. */
    public static String describe(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.description() + " (" + e.name() + ")";
    }
}
