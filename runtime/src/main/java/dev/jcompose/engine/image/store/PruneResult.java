package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import java.util.List;

/**
 * What a prune or garbage collection removed.
 *
 * @param images          image IDs removed
 * @param layers          layer chain IDs removed
 * @param blobs           blob digests removed
 * @param reclaimedBytes  blob bytes plus uncompressed layer sizes freed
 */
public record PruneResult(List<Digest> images, List<Digest> layers, List<Digest> blobs, long reclaimedBytes) {
    public PruneResult {
        images = List.copyOf(images);
        layers = List.copyOf(layers);
        blobs = List.copyOf(blobs);
    }
}
