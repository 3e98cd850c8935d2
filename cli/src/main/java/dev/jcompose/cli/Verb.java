package dev.jcompose.cli;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import java.io.PrintWriter;

/**
 * A jcompose verb: its command-line spec (a static constant of the verb's class), {@link #bind} reading its
 * values from the parse result into the verb, and {@link #call} doing the work. A verb that groups others
 * ({@code image}) names them in its spec and makes them in {@link #subcommand}. The global flags and the
 * output streams come from the {@link Invocation} {@link Dispatch} gives it.
 */
public abstract class Verb {
    private Invocation invocation;

    /** What the verb accepts (a static constant). */
    public abstract CommandSpec spec();

    /** Reads the verb's options and positionals; a bad value is a {@link dev.jcompose.cli.args.UsageError}. */
    protected abstract void bind(ParsedArgs args);

    /** Runs the verb; returns the exit code. */
    public abstract Integer call() throws Exception;

    /** The verb that {@code name} names under this one, or null (only a group of verbs has any). */
    protected Verb subcommand(String name) {
        return null;
    }

    final void attach(Invocation invocation) {
        this.invocation = invocation;
    }

    public final GlobalOptions global() {
        return invocation.global();
    }

    public final PrintWriter out() {
        return invocation.out();
    }

    public final PrintWriter err() {
        return invocation.err();
    }
}
