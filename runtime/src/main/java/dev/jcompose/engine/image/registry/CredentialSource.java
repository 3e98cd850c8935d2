package dev.jcompose.engine.image.registry;

import java.util.Optional;

/** Where the registry client finds credentials for a registry host (e.g. {@code docker.io}, {@code 127.0.0.1:5000}). */
@FunctionalInterface
public interface CredentialSource {
    CredentialSource NONE = host -> Optional.empty();

    Optional<Credentials> lookup(String registry);
}
