package dev.jcompose.engine.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.ref.InvalidReferenceException;
import java.util.Optional;

/**
 * The image name an OCI layout's {@code index.json} entry carries, as Docker 25+ reads it:
 * {@code io.containerd.image.name} (a full reference, written by Docker and containerd) first, else
 * {@code org.opencontainers.image.ref.name} when it is a full reference ({@code example.com/app:1},
 * as skopeo and buildx write it). A ref.name that is a bare tag ({@code 1}, {@code latest}, the OCI
 * spec's own example) names no repository, so the image loads untagged.
 */
final class OciRefNames {
    static final String CONTAINERD_NAME = "io.containerd.image.name";
    static final String OCI_REF_NAME = "org.opencontainers.image.ref.name";

    private OciRefNames() {
    }

    /** The normalised reference ({@code docker.io/library/busybox:latest}) the annotations give, if any. */
    static Optional<String> imageName(JsonNode annotations) {
        String containerd = annotations.path(CONTAINERD_NAME).asText("");
        if (!containerd.isEmpty()) {
            return parse(containerd);
        }
        String refName = annotations.path(OCI_REF_NAME).asText("");
        if (refName.contains("/") || refName.contains(":") || refName.contains("@")) {
            return parse(refName);
        }
        return Optional.empty();
    }

    /** How docker prints a loaded name: {@code busybox:latest}, {@code example.com/app:1}. */
    static String familiar(String normalised) {
        return ImageReference.parse(normalised).familiarString();
    }

    private static Optional<String> parse(String text) {
        try {
            ImageReference ref = ImageReference.parse(text);
            return ref.tag() == null ? Optional.empty() : Optional.of(ref.name() + ":" + ref.tag());
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }
}
