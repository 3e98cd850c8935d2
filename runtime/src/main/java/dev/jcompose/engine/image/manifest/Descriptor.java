package dev.jcompose.engine.image.manifest;

import dev.jcompose.engine.image.ref.Digest;
import java.util.List;
import java.util.Objects;

/**
 * A content descriptor: what a manifest says about a blob (or an index about a manifest).
 *
 * @param platform only on index entries; null elsewhere
 * @param urls     foreign-layer URLs; usually empty
 */
public record Descriptor(String mediaType, Digest digest, long size, Platform platform, List<String> urls) {
    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("descriptor " + digest + ": negative size " + size);
        }
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, null, List.of());
    }
}
