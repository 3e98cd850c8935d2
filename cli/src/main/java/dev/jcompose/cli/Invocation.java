package dev.jcompose.cli;

import java.io.PrintWriter;

/** What a verb runs with besides its own arguments: the global flags given before it, and where its output goes. */
public record Invocation(GlobalOptions global, PrintWriter out, PrintWriter err) {
}
