package dev.jcompose.engine.image.unpack;

import dev.jcompose.engine.image.ImageException;

/** A layer that could not be applied: unreadable, malformed, or hostile (an entry escaping the layer root). */
public class LayerException extends ImageException {
    private static final long serialVersionUID = 1L;

    public LayerException(String message) {
        super(message);
    }

    public LayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
