package dev.jcompose.engine.volume;

/** A volume operation refused; {@link #status()} is Docker's HTTP status for it (400, 404, 409). */
public final class VolumeException extends RuntimeException {
    private final int status;

    public VolumeException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static VolumeException notFound(String name) {
        return new VolumeException(404, "get " + name + ": no such volume");
    }
}
