package dev.jcompose.model.service;

/** A secret or config a service mounts: {@code source} key, {@code target} path or name, owner and mode (null = defaults). */
public record FileReference(String source, String target, String uid, String gid, Integer mode) {
}
