package dev.jcompose.cli;

/** Entry point of the {@code jcompose} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests and the launcher). */
    public static int run(String... args) {
        return JcomposeCommand.commandLine().execute(args);
    }
}
