package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ImageException;

/** The store could not read or write its files. */
public class StoreException extends ImageException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
