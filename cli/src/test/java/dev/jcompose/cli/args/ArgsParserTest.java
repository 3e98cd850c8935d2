package dev.jcompose.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser against pflag/cobra's behaviour: option forms, clusters, values that look negative, errors in their words. */
class ArgsParserTest {
    private static final CommandSpec PS = CommandSpec.command("ps", "List containers")
            .flag("Show all", "-a", "--all")
            .flag("Only IDs", "-q", "--quiet")
            .option("FORMAT", "Format", "--format")
            .option("SECONDS", "Timeout", "-t", "--timeout")
            .option("N", "Parallelism", "--parallel")
            .option("NAME", "Project name", "-p", "--project-name")
            .repeatable("FILE", "Files", "-f", "--file")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .build();
    private static final CommandSpec EXEC = CommandSpec.command("exec", "Execute a command")
            .flag("Detached", "-d", "--detach")
            .repeatable("KEY=VAL", "Env", "-e", "--env")
            .positional("SERVICE", 1, 1)
            .positional("COMMAND", 1, PositionalSpec.UNBOUNDED)
            .optionsEndAtPositional()
            .build();

    private static ParsedArgs ps(String... args) {
        return ArgsParser.parse(PS, List.of(args));
    }

    private static String error(CommandSpec spec, String... args) {
        return assertThrows(UsageError.class, () -> ArgsParser.parse(spec, List.of(args)).integer("--timeout")).getMessage();
    }

    @Test
    void longOptionsTakeTheirValueAfterEqualsOrAsTheNextArgument() {
        assertEquals("json", ps("--format=json").value("--format"));
        assertEquals("json", ps("--format", "json").value("--format"));
        assertEquals("a=b", ps("--format=a=b").value("--format"));
        assertEquals("", ps("--format=").value("--format"));
        assertNull(ps().value("--format"));
        assertEquals("table", ps().value("--format", "table"));
    }

    @Test
    void optionsAreAskedByAnyOfTheirNames() {
        assertTrue(ps("-a").flag("--all"));
        assertTrue(ps("--all").flag("-a"));
        assertEquals(5, ps("-t", "5").integer("--timeout"));
    }

    @Test
    void clusteredShortFlagsAndAValueOptionLastInTheCluster() {
        ParsedArgs p = ps("-aq");
        assertTrue(p.flag("--all"));
        assertTrue(p.flag("--quiet"));
        assertEquals("demo", ps("-pdemo").value("--project-name"));
        assertEquals("demo", ps("-p=demo").value("--project-name"));
        ParsedArgs q = ps("-qt", "7");
        assertTrue(q.flag("--quiet"));
        assertEquals(7, q.integer("--timeout"));
        assertEquals(0, ps("-t0").integer("--timeout", -1));
    }

    @Test
    void valuesThatLookNegativeAreValues() {
        assertEquals(-1, ps("--parallel", "-1").integer("--parallel"));
        assertEquals(-1, ps("-t", "-1").integer("--timeout"));
        assertEquals("-a", ps("--format", "-a").value("--format"));
        assertFalse(ps("--format", "-a").flag("--all"));
    }

    @Test
    void repeatedOptionsKeepEveryValueAndTheLastWinsForOne() {
        assertEquals(List.of("a.yaml", "b.yaml", "c.yaml"), ps("-f", "a.yaml", "--file=b.yaml", "-fc.yaml").values("--file"));
        assertEquals("json", ps("--format", "table", "--format", "json").value("--format"));
        assertEquals(List.of(), ps().values("--file"));
    }

    @Test
    void flagsTakeGoBooleansAfterEquals() {
        assertFalse(ps("--all=false").flag("--all"));
        assertTrue(ps("--all=1").flag("--all"));
        assertFalse(ps("-a=0").flag("--all"));
        assertNull(ps().flagOrNull("--all"));
        assertEquals(Boolean.FALSE, ps("--all", "--all=F").flagOrNull("--all"));
    }

    @Test
    void positionalsMayComeBetweenOptionsUnlessOptionsEndAtTheFirstOne() {
        ParsedArgs p = ps("web", "-a", "db");
        assertEquals(List.of("web", "db"), p.positionals());
        assertTrue(p.flag("--all"));
        ParsedArgs e = ArgsParser.parse(EXEC, List.of("-d", "-e", "A=1", "web", "sh", "-c", "echo -d; exit 3"));
        assertTrue(e.flag("--detach"));
        assertEquals(List.of("A=1"), e.values("--env"));
        assertEquals("web", e.positional(0));
        assertEquals(List.of("sh", "-c", "echo -d; exit 3"), e.positionalsFrom(1));
        assertNull(e.positional(9));
    }

    @Test
    void doubleDashEndsOptionsAndALoneDashIsAPositional() {
        ParsedArgs p = ps("-a", "--", "-q", "--format", "-");
        assertTrue(p.flag("--all"));
        assertFalse(p.flag("--quiet"));
        assertEquals(List.of("-q", "--format", "-"), p.positionals());
        assertEquals(List.of("-"), ps("-").positionals());
    }

    @Test
    void helpIsOnEveryCommandAndSkipsTheCountCheck() {
        assertTrue(ArgsParser.parse(EXEC, List.of("--help")).helpRequested());
        assertTrue(ps("-h").helpRequested());
        assertTrue(ps("-ah").helpRequested());
        assertFalse(ps("-a").helpRequested());
        // after the service, --help belongs to the command run in the container
        assertFalse(ArgsParser.parse(EXEC, List.of("web", "ls", "--help")).helpRequested());
    }

    @Test
    void unknownFlagsInPflagsWords() {
        assertEquals("unknown flag: --foo", error(PS, "--foo"));
        assertEquals("unknown flag: --foo", error(PS, "--foo=1"));
        assertEquals("unknown shorthand flag: 'x' in -x", error(PS, "-x"));
        assertEquals("unknown shorthand flag: 'x' in -axq", error(PS, "-axq"));
    }

    @Test
    void missingValuesInPflagsWords() {
        assertEquals("flag needs an argument: --format", error(PS, "--format"));
        assertEquals("flag needs an argument: 't' in -t", error(PS, "-t"));
        assertEquals("flag needs an argument: 't' in -at", error(PS, "-at"));
    }

    @Test
    void badValuesInPflagsWords() {
        assertEquals("invalid argument \"abc\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax",
                error(PS, "-t", "abc"));
        assertEquals("invalid argument \"yes\" for \"-a, --all\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax",
                error(PS, "--all=yes"));
    }

    @Test
    void positionalCountsInCobrasWords() {
        assertEquals("requires at least 2 arg(s), only received 1", error(EXEC, "web"));
        CommandSpec port = CommandSpec.command("port", "Port").positional("SERVICE", 1, 1).positional("PRIVATE_PORT", 1, 1).build();
        assertEquals("accepts 2 arg(s), received 1", error(port, "web"));
        assertEquals("accepts 2 arg(s), received 3", error(port, "web", "80", "x"));
        CommandSpec stats = CommandSpec.command("stats", "Stats").positional("SERVICE", 0, 1).build();
        assertEquals("accepts at most 1 arg(s), received 2", error(stats, "a", "b"));
        CommandSpec imp = CommandSpec.command("import", "Import").positional("FILE", 1, 1).positional("REF", 0, 1).build();
        assertEquals("accepts between 1 and 2 arg(s), received 0", error(imp));
    }

    @Test
    void askingForAnUndeclaredOptionIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> ps().flag("--nope"));
        assertThrows(IllegalArgumentException.class, () -> ps().value("--all"));
        assertThrows(IllegalArgumentException.class, () -> ps().flag("--format"));
    }

    @Test
    void aCommandWithSubcommandsLeavesTheRestToThem() {
        CommandSpec image = CommandSpec.command("image", "Images")
                .subcommand(CommandSpec.command("ls", "List").alias("list").flag("Quiet", "-q", "--quiet").build()).build();
        ParsedArgs p = ArgsParser.parse(image, List.of("list", "-q"));
        assertEquals(List.of("list", "-q"), p.positionals());
        assertEquals("ls", image.subcommand("list").name());
        assertNull(image.subcommand("nope"));
    }

    @Test
    void aDuplicateOptionNameIsRefusedWhenTheSpecIsBuilt() {
        assertThrows(IllegalArgumentException.class,
                () -> CommandSpec.command("x", "X").flag("a", "-a").flag("b", "-a", "--b").build());
        assertThrows(IllegalArgumentException.class, () -> CommandSpec.command("x", "X").flag("bad", "all").build());
    }
}
