package dev.jcompose.engine.cgroup;

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

    /** The v1 {@code devices.allow}/{@code devices.deny} line: {@code c 1:3 rwm}, {@code a *:* rwm}. */
    public String toV1Line() {
        return type + " " + (major < 0 ? "*" : Long.toString(major)) + ":" + (minor < 0 ? "*" : Long.toString(minor)) + " " + access;
    }
}
