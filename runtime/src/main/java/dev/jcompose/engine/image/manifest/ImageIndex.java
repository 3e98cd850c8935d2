package dev.jcompose.engine.image.manifest;

import java.util.List;
import java.util.Objects;

/** A multi-platform image index (OCI) or manifest list (Docker): one manifest descriptor per platform. */
public record ImageIndex(String mediaType, List<Descriptor> manifests) implements Manifest {
    public ImageIndex {
        Objects.requireNonNull(mediaType, "mediaType");
        manifests = List.copyOf(manifests);
    }
}
