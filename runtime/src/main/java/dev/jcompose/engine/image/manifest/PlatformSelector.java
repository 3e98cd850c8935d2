package dev.jcompose.engine.image.manifest;

import java.util.Optional;

/**
 * Picks the manifest for a platform from an index: the first entry the wanted platform accepts,
 * preferring one whose variant matches exactly over one that leaves the variant open.
 * Entries without a platform (attestations, artifacts) are never picked.
 */
public final class PlatformSelector {
    private PlatformSelector() {
    }

    public static Optional<Descriptor> select(ImageIndex index, Platform wanted) {
        Descriptor loose = null;
        for (Descriptor d : index.manifests()) {
            Platform p = d.platform();
            if (p == null || !wanted.accepts(p) || !MediaTypes.isManifest(d.mediaType()) && !d.mediaType().isEmpty()) {
                continue;
            }
            String want = wanted.effectiveVariant();
            if (want == null || want.equals(p.effectiveVariant())) {
                return Optional.of(d);
            }
            if (loose == null) {
                loose = d;
            }
        }
        return Optional.ofNullable(loose);
    }
}
