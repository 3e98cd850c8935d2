package dev.jcompose.cli.engine;

/** A failed engine call: the HTTP status (0 when the engine was not reached) and the engine's message. */
public final class EngineException extends RuntimeException {
    private final int status;

    public EngineException(int status, String message) {
        super(message);
        this.status = status;
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
