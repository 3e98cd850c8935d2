package dev.jcompose.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code jcompose} command; its subcommands are the docker compose verbs. The global
 * flags live in {@link GlobalOptions}; a verb reaches them through {@code @ParentCommand}.
 */
@Command(name = "jcompose", mixinStandardHelpOptions = true, version = "jcompose 0.1.0",
        subcommands = {ConfigCommand.class, dev.jcompose.cli.verbs.UpCommand.class, dev.jcompose.cli.verbs.DownCommand.class,
            dev.jcompose.cli.verbs.PsCommand.class, dev.jcompose.cli.verbs.LogsCommand.class, dev.jcompose.cli.verbs.ContainerVerbs.Start.class,
            dev.jcompose.cli.verbs.ContainerVerbs.Stop.class, dev.jcompose.cli.verbs.ContainerVerbs.Restart.class,
            dev.jcompose.cli.verbs.ContainerVerbs.Kill.class, dev.jcompose.cli.verbs.ContainerVerbs.Remove.class,
            dev.jcompose.cli.verbs.ExecCommand.class, dev.jcompose.cli.verbs.PullCommand.class, dev.jcompose.cli.verbs.PortCommand.class, dev.jcompose.cli.verbs.LsCommand.class, dev.jcompose.cli.verbs.VersionCommand.class,
            dev.jcompose.cli.verbs.RunCommand.class, dev.jcompose.cli.verbs.CreateCommand.class, dev.jcompose.cli.verbs.PauseVerbs.Pause.class,
            dev.jcompose.cli.verbs.PauseVerbs.Unpause.class, dev.jcompose.cli.verbs.TopCommand.class, dev.jcompose.cli.verbs.ImagesCommand.class,
            dev.jcompose.cli.verbs.EventsCommand.class, dev.jcompose.cli.verbs.WaitCommand.class, dev.jcompose.cli.verbs.CpCommand.class,
            EngineCommand.class, dev.jcompose.cli.image.ImageCommand.class},
        description = "Define and run multi-container applications, without Docker.")
public final class JcomposeCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    public GlobalOptions global() {
        return global;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: one-line errors, docker compose's exit codes. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new JcomposeCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::usageError);
        // exec SERVICE COMMAND ARGS…: everything after the command belongs to it (sh -c …)
        cl.getSubcommands().get("exec").setStopAtPositional(true);
        cl.getSubcommands().get("run").setStopAtPositional(true);
        return cl;
    }
}
