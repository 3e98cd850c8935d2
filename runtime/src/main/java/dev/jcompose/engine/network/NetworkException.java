package dev.jcompose.engine.network;

/** A network operation refused; {@link #status()} is Docker's HTTP status for it. */
public final class NetworkException extends RuntimeException {
    private final int status;

    public NetworkException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
