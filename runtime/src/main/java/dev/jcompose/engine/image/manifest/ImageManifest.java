package dev.jcompose.engine.image.manifest;

import java.util.List;
import java.util.Objects;

/** A single-platform image manifest (Docker v2 schema 2 or OCI): a config blob and the layers in order, base first. */
public record ImageManifest(String mediaType, Descriptor config, List<Descriptor> layers) implements Manifest {
    public ImageManifest {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
    }
}
