package dev.jcompose.engine.container;

/**
 * A container operation refused for a reason the client can act on; {@link #status()} is the HTTP
 * status Docker answers with (404 not found, 409 conflict, 400 bad parameter, 304 not modified).
 */
public final class ContainerException extends RuntimeException {
    private final int status;

    public ContainerException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ContainerException notFound(String ref) {
        return new ContainerException(404, "No such container: " + ref);
    }

    public static ContainerException ambiguous(String prefix) {
        return new ContainerException(400, "multiple IDs found with provided prefix: " + prefix);
    }

    public static ContainerException nameInUse(String name, String id) {
        return new ContainerException(409, "Conflict. The container name \"/" + name + "\" is already in use by container \""
                + id + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }

    public static ContainerException badParameter(String message) {
        return new ContainerException(400, message);
    }

    public static ContainerException conflict(String message) {
        return new ContainerException(409, message);
    }
}
