package dev.jcompose.engine.image.ref;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest {@code sha256:<64 lowercase hex>}. Checks itself on construction, so a
 * {@code Digest} in hand is always well formed. Only sha256 is accepted: it is what every
 * registry and the OCI image spec use for content addresses.
 */
public record Digest(String value) implements Comparable<Digest> {
    public static final String ALGORITHM = "sha256";
    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

    public Digest {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new InvalidReferenceException("invalid digest \"" + value + "\": want sha256:<64 lowercase hex digits>");
        }
    }

    @JsonCreator
    public static Digest parse(String value) {
        return new Digest(value);
    }

    /** {@code sha256:} plus the given 64 hex digits. */
    public static Digest ofHex(String hex) {
        return new Digest(ALGORITHM + ":" + hex);
    }

    public static Digest of(byte[] content) {
        return fromRaw(newSha256().digest(content));
    }

    public static Digest of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest whose raw 32 bytes are given (the output of a {@link MessageDigest}). */
    public static Digest fromRaw(byte[] sha256) {
        return ofHex(HexFormat.of().formatHex(sha256));
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public String algorithm() {
        return ALGORITHM;
    }

    /** The 64 hex digits. */
    public String hex() {
        return value.substring(ALGORITHM.length() + 1);
    }

    /** The first 12 hex digits, as docker shows image and layer IDs. */
    public String shortHex() {
        return hex().substring(0, 12);
    }

    @Override
    public int compareTo(Digest o) {
        return value.compareTo(o.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
