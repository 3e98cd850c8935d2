package dev.jcompose.engine.image;

/**
 * A failure while resolving, pulling, storing or unpacking an image. The message is one line
 * saying what was attempted, on what, and why; subclasses narrow the cause for callers that map
 * errors to API status codes.
 */
public class ImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
