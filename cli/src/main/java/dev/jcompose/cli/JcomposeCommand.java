package dev.jcompose.cli;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.image.ImageCommand;
import dev.jcompose.cli.verbs.AttachCommand;
import dev.jcompose.cli.verbs.ContainerVerbs;
import dev.jcompose.cli.verbs.CpCommand;
import dev.jcompose.cli.verbs.CreateCommand;
import dev.jcompose.cli.verbs.DownCommand;
import dev.jcompose.cli.verbs.EventsCommand;
import dev.jcompose.cli.verbs.ExecCommand;
import dev.jcompose.cli.verbs.ImagesCommand;
import dev.jcompose.cli.verbs.LogsCommand;
import dev.jcompose.cli.verbs.LsCommand;
import dev.jcompose.cli.verbs.PauseVerbs;
import dev.jcompose.cli.verbs.PortCommand;
import dev.jcompose.cli.verbs.PsCommand;
import dev.jcompose.cli.verbs.PullCommand;
import dev.jcompose.cli.verbs.RunCommand;
import dev.jcompose.cli.verbs.ScaleCommand;
import dev.jcompose.cli.verbs.StatsCommand;
import dev.jcompose.cli.verbs.TopCommand;
import dev.jcompose.cli.verbs.UpCommand;
import dev.jcompose.cli.verbs.VersionCommand;
import dev.jcompose.cli.verbs.WaitCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level {@code jcompose} command: the global flags ({@link GlobalOptions}), {@code --version}, and the
 * docker compose verbs. A run makes only the verb it names ({@link #verb}, a plain switch: no other verb's
 * class is loaded); usage loads them all for their descriptions.
 */
final class JcomposeCommand {
    static final String VERSION = "jcompose 0.1.0";

    static final CommandSpec SPEC = GlobalOptions.declare(
                    CommandSpec.command("jcompose", "Define and run multi-container applications, without Docker."))
            .flag("Print version information and exit", "-V", "--version")
            .positional("COMMAND", 0, PositionalSpec.UNBOUNDED)
            .optionsEndAtPositional()
            .build();

    /** The verbs' names, in the order usage lists them. */
    static final List<String> VERBS = List.of("config", "up", "down", "ps", "logs", "start", "stop", "restart", "kill", "rm",
            "exec", "attach", "pull", "port", "ls", "version", "run", "create", "pause", "unpause", "top", "stats", "images",
            "events", "wait", "cp", "scale", "engine", "image");

    private JcomposeCommand() {
    }

    /** A new instance of the verb called {@code name} (or one of its aliases), or null when there is none. */
    static Verb verb(String name) {
        return switch (name) {
            case "config", "convert" -> new ConfigCommand();
            case "up" -> new UpCommand();
            case "down" -> new DownCommand();
            case "ps" -> new PsCommand();
            case "logs" -> new LogsCommand();
            case "start" -> new ContainerVerbs.Start();
            case "stop" -> new ContainerVerbs.Stop();
            case "restart" -> new ContainerVerbs.Restart();
            case "kill" -> new ContainerVerbs.Kill();
            case "rm" -> new ContainerVerbs.Remove();
            case "exec" -> new ExecCommand();
            case "attach" -> new AttachCommand();
            case "pull" -> new PullCommand();
            case "port" -> new PortCommand();
            case "ls" -> new LsCommand();
            case "version" -> new VersionCommand();
            case "run" -> new RunCommand();
            case "create" -> new CreateCommand();
            case "pause" -> new PauseVerbs.Pause();
            case "unpause" -> new PauseVerbs.Unpause();
            case "top" -> new TopCommand();
            case "stats" -> new StatsCommand();
            case "images" -> new ImagesCommand();
            case "events" -> new EventsCommand();
            case "wait" -> new WaitCommand();
            case "cp" -> new CpCommand();
            case "scale" -> new ScaleCommand();
            case "engine" -> new EngineCommand();
            case "image" -> new ImageCommand();
            default -> null;
        };
    }

    /** The top-level spec with every verb, for usage (loads every verb's class). */
    static CommandSpec usageSpec() {
        List<CommandSpec> verbs = new ArrayList<>();
        for (String name : VERBS) {
            verbs.add(verb(name).spec());
        }
        return SPEC.withSubcommands(verbs);
    }
}
