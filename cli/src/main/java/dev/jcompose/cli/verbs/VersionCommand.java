package dev.jcompose.cli.verbs;

import dev.jcompose.cli.Verb;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;

/** {@code jcompose version}: {@code jcompose version v0.1.0}; {@code --short} prints the number, {@code --format json} an object. */
public final class VersionCommand extends Verb {
    static final String VERSION = "0.1.0";
    boolean shortForm;
    String format = "pretty";

    static final CommandSpec SPEC = CommandSpec.command("version", "Show the jcompose version information")
            .flag("Shows only the version number", "--short")
            .option("FORMAT", "Format the output. Values: [pretty | json]", "-f", "--format")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        shortForm = args.flag("--short");
        format = args.value("--format", "pretty");
    }

    @Override
    public Integer call() {
        String text = shortForm ? VERSION : format.equals("json") ? "{\"version\":\"v" + VERSION + "\"}" : "jcompose version v" + VERSION;
        out().println(text);
        out().flush();
        return 0;
    }
}
