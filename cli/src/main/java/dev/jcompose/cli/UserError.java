package dev.jcompose.cli;

/** A CLI-level error whose message is fit for the user as it is (bad flag combination, missing service …). */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
