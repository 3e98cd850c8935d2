package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import java.util.Objects;

/**
 * One layer of an image as the image record keeps it.
 *
 * @param blob      the (usually compressed) blob digest from the manifest
 * @param mediaType the blob's media type
 * @param size      the blob's size in bytes
 * @param diffId    the uncompressed digest from the config
 * @param chainId   the stack identity up to and including this layer
 */
public record LayerRecord(Digest blob, String mediaType, long size, Digest diffId, Digest chainId) {
    public LayerRecord {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(chainId, "chainId");
    }
}
