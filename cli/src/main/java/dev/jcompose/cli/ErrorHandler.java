package dev.jcompose.cli;

import dev.jcompose.model.ComposeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on stderr and exit code 1, as docker compose
 * does; the stack trace only with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (debugRequested(cmd)) {
            ex.printStackTrace(err);
        } else {
            err.println(message(ex));
        }
        err.flush();
        return 1;
    }

    private static boolean debugRequested(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof JcomposeCommand top && top.global().debug();
    }

    /** A bad flag or argument: one line naming it, and where to read the usage, exit code 1 as docker compose. */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println(ex.getMessage());
        err.println("See '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
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
