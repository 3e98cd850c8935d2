package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.cli.verbs.PsCommand;
import dev.jcompose.cli.verbs.UpCommand;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerbLookupTest {
    private final CommandLine.Model.CommandSpec top = new CommandLine(new JcomposeCommand()).getCommandSpec();

    private Optional<Class<?>> find(String... args) {
        return VerbLookup.find(top, JcomposeCommand.VERBS, args);
    }

    @Test
    void skipsGlobalOptionsAndTheirValues() {
        assertEquals(Optional.of(UpCommand.class), find("up", "-d"));
        assertEquals(Optional.of(UpCommand.class), find("-f", "a.yaml", "--project-name", "ps", "up"));
        assertEquals(Optional.of(PsCommand.class), find("--file=a.yaml", "-pdemo", "--debug", "ps", "-a"));
        assertEquals(Optional.of(ConfigCommand.class), find("--env-file", "x.env", "--profile", "p", "config"));
    }

    @Test
    void noVerbOrAnUnknownOneBuildsThemAll() {
        assertEquals(Optional.empty(), find());
        assertEquals(Optional.empty(), find("--help"));
        assertEquals(Optional.empty(), find("nosuch", "up"));
        assertEquals(Optional.empty(), find("-f", "up"));
    }

    @Test
    void theCommandLineHoldsOnlyTheNamedVerb() {
        assertEquals(java.util.Set.of("ps"), JcomposeCommand.commandLine("-p", "x", "ps").getSubcommands().keySet());
        assertEquals(JcomposeCommand.VERBS.size(), JcomposeCommand.commandLine("--version").getSubcommands().size()
                - aliasCount());
    }

    private static int aliasCount() {
        return JcomposeCommand.VERBS.stream().mapToInt(v -> v.getAnnotation(CommandLine.Command.class).aliases().length).sum();
    }
}
