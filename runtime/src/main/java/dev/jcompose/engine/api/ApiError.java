package dev.jcompose.engine.api;

/**
 * An error answered to an API client with a Docker status code and Docker's body shape
 * ({@code {"message": "..."}}): 400 bad parameter, 404 no such object, 409 conflict, 500 server error.
 */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public ApiError(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, message);
    }
}
