package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ImageException;
import dev.jcompose.engine.image.ref.Digest;

/** Content whose digest (or size) is not what its descriptor promised; nothing of it was kept. */
public class DigestMismatchException extends ImageException {
    private static final long serialVersionUID = 1L;
    private final Digest expected;
    private final Digest actual;

    public DigestMismatchException(String what, Digest expected, Digest actual) {
        super(what + " " + expected + ": content has digest " + actual + ", expected " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public DigestMismatchException(String message, Digest expected) {
        super(message);
        this.expected = expected;
        this.actual = null;
    }

    public Digest expected() {
        return expected;
    }

    /** The digest the content had, or null when it failed on size before it was complete. */
    public Digest actual() {
        return actual;
    }
}
