package dev.jcompose.engine.image.registry;

import dev.jcompose.engine.image.ImageException;

/**
 * A registry refused or failed a request, or could not be reached.
 * {@link #status()} is the HTTP status, or 0 when there was no response.
 */
public class RegistryException extends ImageException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public RegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
