package dev.jcompose.model.service;

/** A host device made available in the container. */
public record DeviceMapping(String source, String target, String permissions) {
}
