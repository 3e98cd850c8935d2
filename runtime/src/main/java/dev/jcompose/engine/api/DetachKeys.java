package dev.jcompose.engine.api;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Docker's detach sequence on an attached stdin ({@code detachKeys}, default {@code ctrl-p,ctrl-q}):
 * a comma-separated list of single characters or {@code ctrl-<key>} ({@code ctrl-a} … {@code ctrl-z},
 * {@code ctrl-@ ctrl-[ ctrl-\ ctrl-] ctrl-^ ctrl-_}). {@link #filter} passes input through, holding
 * back bytes that may start the sequence; once it is complete the client has detached, and the
 * held bytes are dropped, as Docker does.
 */
final class DetachKeys {
    static final String DEFAULT = "ctrl-p,ctrl-q";

    private final byte[] keys;
    private int matched;
    private boolean detached;

    private DetachKeys(byte[] keys) {
        this.keys = keys;
    }

    /** The sequence of {@code spec} (empty or null: Docker's default). */
    static DetachKeys parse(String spec) {
        String s = spec == null || spec.isEmpty() ? DEFAULT : spec;
        String[] parts = s.split(",");
        byte[] keys = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            keys[i] = key(parts[i], s);
        }
        return new DetachKeys(keys);
    }

    private static byte key(String part, String spec) {
        if (part.length() == 1) {
            return (byte) part.charAt(0);
        }
        if (part.length() == 6 && part.startsWith("ctrl-")) {
            char c = part.charAt(5);
            if (c >= 'a' && c <= 'z') {
                return (byte) (c - 'a' + 1);
            }
            int at = "@[\\]^_".indexOf(c);
            if (at >= 0) {
                return (byte) (at == 0 ? 0 : 27 + at - 1);
            }
        }
        throw ApiError.badRequest("Invalid detach keys (" + spec + ") provided");
    }

    /** What of {@code n} bytes read from the client goes to the container; sets {@link #detached()} at the sequence's end. */
    byte[] filter(byte[] buf, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        for (int i = 0; i < n && !detached; i++) {
            byte b = buf[i];
            if (b == keys[matched]) {
                matched++;
                if (matched == keys.length) {
                    detached = true;
                }
                continue;
            }
            if (matched > 0) {
                out.write(keys, 0, matched); // not the sequence after all: what was held goes on
                matched = 0;
                if (b == keys[0]) {
                    matched = 1;
                    continue;
                }
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    boolean detached() {
        return detached;
    }

    @Override
    public String toString() {
        return Arrays.toString(keys);
    }
}
