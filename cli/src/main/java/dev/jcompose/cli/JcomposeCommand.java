package dev.jcompose.cli;

import picocli.CommandLine.Command;

/** The top-level {@code jcompose} command; its subcommands are the docker compose verbs. */
@Command(name = "jcompose", mixinStandardHelpOptions = true, version = "jcompose 0.1.0",
        subcommands = {EngineCommand.class},
        description = "Define and run multi-container applications, without Docker.")
public final class JcomposeCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
