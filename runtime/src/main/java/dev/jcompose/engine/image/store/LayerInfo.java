package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import java.nio.file.Path;

/**
 * An unpacked layer in the store.
 *
 * @param parent  the chain ID below it, or null for a base layer
 * @param diffDir the directory overlayfs uses as a lower dir
 * @param link    the short name under {@code l/} pointing at {@code diffDir} (for short mount options)
 * @param size    the uncompressed tar size
 */
public record LayerInfo(Digest chainId, Digest diffId, Digest parent, Path diffDir, String link, long size) {
}
