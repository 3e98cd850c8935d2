package dev.jcompose.cli;

import dev.jcompose.cli.verbs.ContainerVerbs;
import dev.jcompose.cli.verbs.PauseVerbs;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code jcompose} command; its subcommands are the docker compose verbs. The global
 * flags live in {@link GlobalOptions}; a verb reaches them through {@code @ParentCommand}.
 *
 * <p>Building picocli's model of a verb is most of a short command's start-up, so a run builds only
 * the verb it names ({@link VerbLookup}); usage and an unknown verb get them all.
 */
@Command(name = "jcompose", mixinStandardHelpOptions = true, version = "jcompose 0.1.0",
        description = "Define and run multi-container applications, without Docker.")
public final class JcomposeCommand implements Runnable {
    /** The verbs, in the order usage lists them. */
    static final List<Class<?>> VERBS = List.of(ConfigCommand.class, dev.jcompose.cli.verbs.UpCommand.class,
            dev.jcompose.cli.verbs.DownCommand.class, dev.jcompose.cli.verbs.PsCommand.class, dev.jcompose.cli.verbs.LogsCommand.class,
            ContainerVerbs.Start.class, ContainerVerbs.Stop.class, ContainerVerbs.Restart.class, ContainerVerbs.Kill.class,
            ContainerVerbs.Remove.class, dev.jcompose.cli.verbs.ExecCommand.class, dev.jcompose.cli.verbs.AttachCommand.class, dev.jcompose.cli.verbs.PullCommand.class,
            dev.jcompose.cli.verbs.PortCommand.class, dev.jcompose.cli.verbs.LsCommand.class, dev.jcompose.cli.verbs.VersionCommand.class,
            dev.jcompose.cli.verbs.RunCommand.class, dev.jcompose.cli.verbs.CreateCommand.class, PauseVerbs.Pause.class,
            PauseVerbs.Unpause.class, dev.jcompose.cli.verbs.TopCommand.class, dev.jcompose.cli.verbs.StatsCommand.class, dev.jcompose.cli.verbs.ImagesCommand.class,
            dev.jcompose.cli.verbs.EventsCommand.class, dev.jcompose.cli.verbs.WaitCommand.class, dev.jcompose.cli.verbs.CpCommand.class,
            dev.jcompose.cli.verbs.ScaleCommand.class, EngineCommand.class, dev.jcompose.cli.image.ImageCommand.class);

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

    /** The configured command line with every verb: one-line errors, docker compose's exit codes. */
    static CommandLine commandLine() {
        return configure(new CommandLine(new JcomposeCommand()), VERBS);
    }

    /** The command line for these arguments: only the verb they name, or every verb when they name none. */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new JcomposeCommand());
        return configure(cl, VerbLookup.find(cl.getCommandSpec(), VERBS, args).<List<Class<?>>>map(List::of).orElse(VERBS));
    }

    private static CommandLine configure(CommandLine cl, List<Class<?>> verbs) {
        verbs.forEach(cl::addSubcommand);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::usageError);
        // exec/run SERVICE COMMAND ARGS…: everything after the command belongs to it (sh -c …)
        for (String verb : List.of("exec", "run")) {
            CommandLine sub = cl.getSubcommands().get(verb);
            if (sub != null) {
                sub.setStopAtPositional(true);
            }
        }
        return cl;
    }
}
