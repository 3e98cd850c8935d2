package dev.jcompose.engine.image.manifest;

/** What a registry's manifest endpoint returns: a single-platform manifest or a multi-platform index. */
public sealed interface Manifest permits ImageManifest, ImageIndex {
    String mediaType();
}
