package dev.jcompose.cli;

import dev.jcompose.cli.args.UsageError;
import dev.jcompose.model.ComposeException;
import java.io.PrintWriter;

/**
 * Turns an exception from a command into one line on stderr and exit code 1, as docker compose
 * does; the stack trace only with {@code --debug}. A usage error gets the line and where to read the usage.
 */
final class ErrorHandler {
    private ErrorHandler() {
    }

    static int executionError(Exception ex, boolean debug, PrintWriter err) {
        if (debug) {
            ex.printStackTrace(err);
        } else {
            err.println(message(ex));
        }
        err.flush();
        return 1;
    }

    /** A bad flag or argument: one line naming it, and where to read the usage, exit code 1 as docker compose. */
    static int usageError(UsageError ex, String path, PrintWriter err) {
        err.println(ex.getMessage());
        err.println("See '" + path + " --help'.");
        err.flush();
        return 1;
    }

    static String message(Throwable ex) {
        if (ex instanceof ComposeException || ex instanceof UserError || ex instanceof dev.jcompose.planner.graph.GraphException) {
            return ex.getMessage();
        }
        if (ex instanceof dev.jcompose.cli.engine.EngineException e) {
            return e.status() > 0 ? "Error response from daemon: " + e.getMessage() : e.getMessage();
        }
        String m = ex.getMessage();
        return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s*\\n\\s*", " "));
    }
}
