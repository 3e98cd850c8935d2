package dev.jcompose.cli.image;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jcompose image …}: the engine's images, as {@code docker image …} manages them. */
@Command(name = "image", description = "Manage the engine's images (load, import, inspect, ls, rm)",
        subcommands = {ImageLoadCommand.class, ImageImportCommand.class, ImageInspectCommand.class, ImageListCommand.class, ImageRemoveCommand.class})
public final class ImageCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
