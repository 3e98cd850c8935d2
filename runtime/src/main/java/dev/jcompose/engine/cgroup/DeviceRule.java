package dev.jcompose.engine.cgroup;

import java.util.List;

/**
 * One device access rule, applied in order (OCI's {@code linux.resources.devices}): typically
 * "deny all", then the allowed devices.
 *
 * @param allow  allow or deny
 * @param type   {@code a} (all), {@code c} (char) or {@code b} (block)
 * @param major  major number, -1 for any
 * @param minor  minor number, -1 for any
 * @param access a non-empty subset of {@code rwm}
 */
public record DeviceRule(boolean allow, char type, long major, long minor, String access) {
    public DeviceRule {
        if (type != 'a' && type != 'b' && type != 'c') {
            throw new IllegalArgumentException("invalid device type '" + type + "': must be a, b or c");
        }
        if (major < -1 || minor < -1) {
            throw new IllegalArgumentException("invalid device numbers " + major + ":" + minor);
        }
        if (access.isEmpty() || !access.matches("r?w?m?")) {
            throw new IllegalArgumentException("invalid device access \"" + access + "\": must be a subset of rwm in that order");
        }
    }

    public static DeviceRule denyAll() {
        return new DeviceRule(false, 'a', -1, -1, "rwm");
    }

    public static DeviceRule allowChar(long major, long minor, String access) {
        return new DeviceRule(true, 'c', major, minor, access);
    }

    /**
     * The rules of an unprivileged container, as runc's defaults that Docker uses: deny everything, allow
     * mknod of any node, and read/write/mknod of /dev/null, zero, full, random, urandom, tty, console,
     * ptmx and the pts slaves. (/dev/net/tun, 10:200, is left out: runc's list has varied on it.)
     */
    public static List<DeviceRule> containerDefaults() {
        return List.of(
                denyAll(),
                new DeviceRule(true, 'c', -1, -1, "m"),
                new DeviceRule(true, 'b', -1, -1, "m"),
                allowChar(1, 3, "rwm"),   // /dev/null
                allowChar(1, 5, "rwm"),   // /dev/zero
                allowChar(1, 7, "rwm"),   // /dev/full
                allowChar(1, 8, "rwm"),   // /dev/random
                allowChar(1, 9, "rwm"),   // /dev/urandom
                allowChar(5, 0, "rwm"),   // /dev/tty
                allowChar(5, 1, "rwm"),   // /dev/console
                allowChar(5, 2, "rwm"),   // /dev/ptmx
                allowChar(136, -1, "rwm")); // /dev/pts/*
    }

    /** The v1 {@code devices.allow}/{@code devices.deny} line: {@code c 1:3 rwm}, {@code a *:* rwm}. */
    public String toV1Line() {
        return type + " " + (major < 0 ? "*" : Long.toString(major)) + ":" + (minor < 0 ? "*" : Long.toString(minor)) + " " + access;
    }
}
