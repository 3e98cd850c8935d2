package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ImageException;

/** A removal refused because the image is in use or referenced under several names (docker's HTTP 409). */
public class ImageConflictException extends ImageException {
    private static final long serialVersionUID = 1L;

    public ImageConflictException(String message) {
        super(message);
    }
}
