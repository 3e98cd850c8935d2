package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An image in the store. Its ID is the config blob's digest, as docker's.
 *
 * @param repoTags     normalised references by tag ({@code docker.io/library/busybox:latest})
 * @param repoDigests  normalised references by digest ({@code docker.io/library/busybox@sha256:…}),
 *                     the digest being what the registry served for the pulled reference (index or manifest)
 * @param manifest     the single-platform manifest's digest (its blob is in the store)
 * @param index        the index the manifest was chosen from, or null
 * @param platform     {@code os/arch[/variant]} from the config
 * @param layers       base first
 * @param size         sum of the uncompressed layer sizes
 */
public record ImageRecord(Digest id, List<String> repoTags, List<String> repoDigests, Digest manifest, String manifestMediaType,
                          Digest index, String platform, List<LayerRecord> layers, String created, long size) {
    public ImageRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifest, "manifest");
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        layers = List.copyOf(layers);
        created = created == null ? "" : created;
    }

    /** The chain ID of the whole stack (the top layer's), or null for an image without layers. */
    public Digest topChainId() {
        return layers.isEmpty() ? null : layers.get(layers.size() - 1).chainId();
    }

    /** Every blob this image needs kept: config, manifest, index and layer blobs. */
    public List<Digest> blobs() {
        List<Digest> out = new ArrayList<>();
        out.add(id);
        out.add(manifest);
        if (index != null) {
            out.add(index);
        }
        layers.forEach(l -> out.add(l.blob()));
        return out;
    }

    public ImageRecord withRefs(List<String> tags, List<String> digests) {
        return new ImageRecord(id, tags, digests, manifest, manifestMediaType, index, platform, layers, created, size);
    }
}
