package dev.jcompose.cli.args;

/** A command line that does not fit its command: one line in cobra/pflag's words ({@code unknown flag: --foo}). */
public final class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
