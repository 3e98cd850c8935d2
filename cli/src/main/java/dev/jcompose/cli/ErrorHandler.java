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
        if (parsed.hasMatchedOption("--debug")) {
            ex.printStackTrace(err);
        } else {
            err.println(message(ex));
        }
        err.flush();
        return 1;
    }

    static String message(Throwable ex) {
        if (ex instanceof ComposeException || ex instanceof UserError) {
            return ex.getMessage();
        }
        String m = ex.getMessage();
        return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s*\\n\\s*", " "));
    }
}
