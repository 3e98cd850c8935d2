package dev.jcompose.engine.image.store;

import java.util.List;

/**
 * What an image removal did, in the shape of docker's {@code DELETE /images/{name}} answer.
 *
 * @param untagged references removed ({@code busybox:latest}, {@code busybox@sha256:…})
 * @param deleted  image IDs and layer chain IDs deleted, image first
 */
public record RemoveResult(List<String> untagged, List<String> deleted) {
    public RemoveResult {
        untagged = List.copyOf(untagged);
        deleted = List.copyOf(deleted);
    }
}
