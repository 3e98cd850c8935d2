package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;

/** The command line that runs the jcompose CLI as a process of its own in tests: this JVM, this class path, {@code Main}. */
public final class CliProcessCommand {
    private CliProcessCommand() {
    }

    public static List<String> of(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                // SIGINT back to its default: a test JVM started from a background job inherits it ignored, and the JVM then
                // never installs the CLI's Ctrl-C handler (the signal tests' kill -INT would do nothing)
                "/usr/bin/env", "--default-signal=INT",
                ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.jcompose.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
