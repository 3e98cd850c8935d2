package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ImageException;

/** No image in the store matches the name or ID (docker's HTTP 404 "No such image"). */
public class ImageNotFoundException extends ImageException {
    private static final long serialVersionUID = 1L;

    public ImageNotFoundException(String nameOrId) {
        super("No such image: " + nameOrId);
    }
}
