package dev.jcompose.cli.image;

import dev.jcompose.cli.Verb;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.HelpText;
import dev.jcompose.cli.args.ParsedArgs;

/** {@code jcompose image …}: the engine's images, as {@code docker image …} manages them. */
public final class ImageCommand extends Verb {
    static final CommandSpec SPEC = CommandSpec.command("image", "Manage the engine's images (load, import, inspect, ls, rm)")
            .subcommand(ImageLoadCommand.SPEC)
            .subcommand(ImageImportCommand.SPEC)
            .subcommand(ImageInspectCommand.SPEC)
            .subcommand(ImageListCommand.SPEC)
            .subcommand(ImageRemoveCommand.SPEC)
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected Verb subcommand(String name) {
        return switch (name) {
            case "load" -> new ImageLoadCommand();
            case "import" -> new ImageImportCommand();
            case "inspect" -> new ImageInspectCommand();
            case "ls", "list" -> new ImageListCommand();
            case "rm", "remove" -> new ImageRemoveCommand();
            default -> null;
        };
    }

    @Override
    protected void bind(ParsedArgs args) {
    }

    /** {@code jcompose image} alone: its usage. */
    @Override
    public Integer call() {
        out().print(HelpText.render("jcompose image", SPEC));
        out().flush();
        return 0;
    }
}
