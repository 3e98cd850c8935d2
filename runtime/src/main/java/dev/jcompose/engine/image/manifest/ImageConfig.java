package dev.jcompose.engine.image.manifest;

import dev.jcompose.engine.image.ref.Digest;
import java.util.List;
import java.util.Objects;

/**
 * The parts of an image config blob the engine uses: platform, the uncompressed layer digests
 * ({@code rootfs.diff_ids}, base first) and the container defaults.
 *
 * @param created RFC 3339 text as in the blob, or "" when absent
 */
public record ImageConfig(Platform platform, List<Digest> diffIds, ContainerConfig config, String created) {
    public ImageConfig {
        Objects.requireNonNull(platform, "platform");
        diffIds = List.copyOf(diffIds);
        Objects.requireNonNull(config, "config");
        created = created == null ? "" : created;
    }
}
