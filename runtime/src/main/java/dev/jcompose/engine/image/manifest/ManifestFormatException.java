package dev.jcompose.engine.image.manifest;

import dev.jcompose.engine.image.ImageException;

/** A manifest, index or config blob that cannot be read as one. */
public class ManifestFormatException extends ImageException {
    private static final long serialVersionUID = 1L;

    public ManifestFormatException(String message) {
        super(message);
    }

    public ManifestFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
