package dev.jcompose.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The help text: docker compose's layout, aligned columns, hidden options left out, subcommands listed. */
class HelpTextTest {
    @Test
    void aVerbsHelp() {
        CommandSpec spec = CommandSpec.command("config", "Parse, resolve and render compose file in canonical format")
                .alias("convert")
                .flag("Only validate the configuration, don't print anything", "-q", "--quiet")
                .option("FORMAT", "Format the output. Values: [yaml | json]", "--format")
                .hiddenFlag("Not shown", "--secret")
                .option("DIR", "Working directory", "--project-directory", "--workdir")
                .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
                .build();
        assertEquals("""
                Usage:  jcompose config [OPTIONS] [SERVICE...]

                Parse, resolve and render compose file in canonical format

                Aliases:
                  jcompose config, jcompose convert

                Options:
                  -q, --quiet                              Only validate the configuration, don't print anything
                      --format FORMAT                      Format the output. Values: [yaml | json]
                      --project-directory, --workdir DIR   Working directory
                  -h, --help                               Show this help message and exit
                """, HelpText.render("jcompose config", spec));
    }

    @Test
    void aGroupListsItsCommands() {
        CommandSpec spec = CommandSpec.command("image", "Manage images")
                .subcommand(CommandSpec.command("ls", "List images").alias("list").build())
                .subcommand(CommandSpec.command("inspect", "Display detailed information").positional("IMAGE", 1, PositionalSpec.UNBOUNDED).build())
                .build();
        assertEquals("""
                Usage:  jcompose image [OPTIONS] COMMAND

                Manage images

                Options:
                  -h, --help   Show this help message and exit

                Commands:
                  ls, list   List images
                  inspect    Display detailed information

                Run 'jcompose image COMMAND --help' for more information on a command.
                """, HelpText.render("jcompose image", spec));
    }

    @Test
    void positionalsShowTheirArity() {
        assertEquals("SERVICE", new PositionalSpec("SERVICE", 1, 1).usage());
        assertEquals("[SERVICE]", new PositionalSpec("SERVICE", 0, 1).usage());
        assertEquals("COMMAND...", new PositionalSpec("COMMAND", 1, PositionalSpec.UNBOUNDED).usage());
        assertEquals("[SERVICE...]", new PositionalSpec("SERVICE", 0, PositionalSpec.UNBOUNDED).usage());
    }

    @Test
    void aVerbWithItsOwnMinusHKeepsIt() {
        CommandSpec spec = CommandSpec.command("x", "X").option("HOST", "Host", "-h", "--host").build();
        assertEquals("--help", spec.option("--help").key());
        assertEquals("--host", spec.option("-h").key());
    }
}
