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
        LoadWarmup.start(args);
        try {
            return Dispatch.run(java.util.List.of(args), new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true));
        } catch (Error e) {
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            if (debug) {
                e.printStackTrace();
            } else {
                Throwable root = e.getCause() != null ? e.getCause() : e;
                System.err.println("internal error: " + ErrorHandler.message(root) + " (run with --debug for details)");
            }
            return 1;
        }
    }
}
