package dev.jcompose.engine.seccomp;

/** What a seccomp rule does with a matching call: allow it, fail it with an errno, or kill the process. */
public record SeccompAction(Kind kind, int errno) {
    public enum Kind { ALLOW, ERRNO, KILL_PROCESS }

    public static final SeccompAction ALLOW = new SeccompAction(Kind.ALLOW, 0);
    public static final SeccompAction KILL_PROCESS = new SeccompAction(Kind.KILL_PROCESS, 0);

    public static SeccompAction errno(int errno) {
        return new SeccompAction(Kind.ERRNO, errno);
    }

    public SeccompAction {
        if (errno < 0 || errno > 0xffff) {
            throw new IllegalArgumentException("errno out of range: " + errno);
        }
    }

    /** The filter's return value (SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | errno, SECCOMP_RET_KILL_PROCESS). */
    public int value() {
        return switch (kind) {
            case ALLOW -> 0x7fff0000;
            case ERRNO -> 0x00050000 | errno;
            case KILL_PROCESS -> 0x80000000;
        };
    }
}
