package dev.jcompose.engine.shim;

/** The shim could not create or start a container: the stage (mount, exec …), the errno, and its message. */
public final class ShimException extends RuntimeException {
    private final String stage;
    private final int errno;

    public ShimException(String stage, int errno, String message) {
        super(message);
        this.stage = stage;
        this.errno = errno;
    }

    public String stage() {
        return stage;
    }

    public int errno() {
        return errno;
    }

    /** An error frame from the shim: {@code stage\terrno\tmessage}. */
    static ShimException parse(String frame) {
        String[] parts = frame.split("\t", 3);
        if (parts.length < 3) {
            return new ShimException("shim", 0, frame);
        }
        int errno;
        try {
            errno = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            errno = 0;
        }
        return new ShimException(parts[0], errno, parts[2]);
    }
}
