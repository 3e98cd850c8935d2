package dev.jcompose.engine.image.ref;

import dev.jcompose.engine.image.ImageException;

/** An image reference or digest that does not follow the grammar (Docker's "invalid reference format"). */
public class InvalidReferenceException extends ImageException {
    private static final long serialVersionUID = 1L;

    public InvalidReferenceException(String message) {
        super(message);
    }
}
