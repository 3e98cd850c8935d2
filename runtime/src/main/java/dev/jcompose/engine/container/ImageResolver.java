package dev.jcompose.engine.container;

import java.util.Optional;

/** How container create finds the image a request names: its ID and the defaults it gives containers. */
@FunctionalInterface
public interface ImageResolver {
    record ResolvedImage(String id, ImageDefaults defaults) {
    }

    Optional<ResolvedImage> resolve(String reference);
}
