package dev.jcompose.engine.cgroup;

import java.io.IOException;

/**
 * A cgroup operation failed. The message is one line saying what was attempted, on which cgroup
 * directory, and why, for example
 * {@code setting memory.max=104857600 in /sys/fs/cgroup/jcompose/abc: Device or resource busy}.
 */
public final class CgroupException extends IOException {
    public CgroupException(String message) {
        super(message);
    }

    public CgroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
