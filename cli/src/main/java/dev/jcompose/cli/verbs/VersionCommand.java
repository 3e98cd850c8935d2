package dev.jcompose.cli.verbs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jcompose version}: {@code jcompose version v0.1.0}; {@code --short} prints the number, {@code --format json} an object. */
@Command(name = "version", description = "Show the jcompose version information")
public final class VersionCommand implements Callable<Integer> {
    static final String VERSION = "0.1.0";

    @Option(names = "--short", description = "Shows only the version number")
    boolean shortForm;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format the output. Values: [pretty | json]")
    String format = "pretty";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String text = shortForm ? VERSION : format.equals("json") ? "{\"version\":\"v" + VERSION + "\"}" : "jcompose version v" + VERSION;
        spec.commandLine().getOut().println(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
