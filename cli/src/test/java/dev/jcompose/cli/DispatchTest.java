package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.cli.args.ArgsParser;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line as a whole, without an engine: usage, --version, --help on every verb, nested verbs, usage
 * errors with their exit code, global flags before the verb, and that every verb's spec and binding agree.
 */
class DispatchTest {
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dispatch.run(List.of(args), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aloneOrWithHelpItPrintsUsageListingEveryVerb() {
        Run alone = run();
        assertEquals(0, alone.code());
        assertEquals(alone.out(), run("--help").out());
        assertEquals(alone.out(), run("-h").out());
        assertTrue(alone.out().startsWith("Usage:  jcompose [OPTIONS] COMMAND\n\nDefine and run multi-container applications, without Docker.\n"),
                alone.out());
        assertTrue(alone.out().contains("  -f, --file FILE "), alone.out());
        assertTrue(alone.out().contains("\n  config, convert   Parse, resolve and render compose file in canonical format\n"), alone.out());
        for (String verb : JcomposeCommand.VERBS) {
            assertTrue(alone.out().contains("\n  " + verb + " ") || alone.out().contains("\n  " + verb + ","), verb + " missing:\n" + alone.out());
        }
        assertTrue(alone.out().contains("Run 'jcompose COMMAND --help' for more information on a command."));
    }

    @Test
    void theHelpCommandAsCobrasHelp() {
        assertEquals(run("ps", "--help"), run("help", "ps"));
        assertEquals(run("config", "--help"), run("help", "convert"));
        assertEquals(run().out(), run("help").out());
    }

    @Test
    void versionShortAndLong() {
        assertEquals(new Run(0, "jcompose 0.1.0\n", ""), run("--version"));
        assertEquals(new Run(0, "jcompose 0.1.0\n", ""), run("-V"));
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : JcomposeCommand.VERBS) {
            Run r = run(verb, "--help");
            assertEquals(0, r.code(), verb + ": " + r.err());
            assertTrue(r.out().startsWith("Usage:  jcompose " + verb), r.out());
            assertTrue(r.out().contains("  -h, --help "), r.out());
        }
        Run ps = run("ps", "-h");
        assertTrue(ps.out().contains("Usage:  jcompose ps [OPTIONS] [SERVICE...]\n\nList containers\n"), ps.out());
        assertTrue(ps.out().contains("  -a, --all "), ps.out());
        assertTrue(run("exec", "--help").out().startsWith("Usage:  jcompose exec [OPTIONS] SERVICE COMMAND...\n"));
    }

    @Test
    void nestedVerbs() {
        Run image = run("image");
        assertEquals(0, image.code());
        assertTrue(image.out().contains("Commands:\n  load "), image.out());
        assertTrue(image.out().contains("\n  ls, list "), image.out());
        assertEquals(image.out(), run("image", "--help").out());
        Run ls = run("image", "list", "--help");
        assertTrue(ls.out().startsWith("Usage:  jcompose image ls [OPTIONS]\n"), ls.out());
        assertTrue(ls.out().contains("jcompose image ls, jcompose image list"), ls.out());
        assertEquals(new Run(1, "", "unknown command \"nope\" for \"jcompose image\"\nSee 'jcompose image --help'.\n"), run("image", "nope"));
        assertEquals(new Run(1, "", "requires at least 1 arg(s), only received 0\nSee 'jcompose image inspect --help'.\n"),
                run("image", "inspect"));
    }

    @Test
    void usageErrorsAreOneLineAndWhereToReadMoreWithExitCodeOne() {
        assertEquals(new Run(1, "", "unknown flag: --foo\nSee 'jcompose ps --help'.\n"), run("ps", "--foo"));
        assertEquals(new Run(1, "", "unknown shorthand flag: 'x' in -x\nSee 'jcompose ps --help'.\n"), run("ps", "-x"));
        assertEquals(new Run(1, "", "flag needs an argument: --format\nSee 'jcompose ps --help'.\n"), run("ps", "--format"));
        assertEquals(new Run(1, "", "unknown command \"nosuch\" for \"jcompose\"\nSee 'jcompose --help'.\n"), run("nosuch", "up"));
        assertEquals(new Run(1, "", "unknown flag: --foo\nSee 'jcompose --help'.\n"), run("--foo", "ps"));
        assertEquals(new Run(1, "", "invalid argument \"abc\" for \"--wait-timeout\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n"
                + "See 'jcompose up --help'.\n"), run("up", "--wait-timeout", "abc"));
        assertEquals(new Run(1, "", "invalid argument \"x\" for \"--parallel\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\n"
                + "See 'jcompose --help'.\n"), run("--parallel", "x", "ps"));
        assertEquals(new Run(1, "", "requires at least 2 arg(s), only received 1\nSee 'jcompose exec --help'.\n"), run("exec", "web"));
        assertEquals(new Run(1, "", "accepts 2 arg(s), received 1\nSee 'jcompose port --help'.\n"), run("port", "web"));
    }

    @Test
    void globalFlagsComeBeforeTheVerbAndTheVerbsOwnLettersWin() {
        ParsedArgs top = ArgsParser.parse(JcomposeCommand.SPEC, List.of("-f", "a.yaml", "--file=b.yaml", "-pdemo", "--parallel", "-1",
                "--debug", "rm", "-f", "-s", "web"));
        GlobalOptions g = GlobalOptions.from(top);
        assertEquals(List.of("a.yaml", "b.yaml"), g.files());
        assertEquals("demo", g.projectName());
        assertEquals(-1, g.parallel());
        assertTrue(g.debug());
        assertEquals(List.of("rm", "-f", "-s", "web"), top.positionals());
        Verb rm = JcomposeCommand.verb("rm");
        ParsedArgs local = ArgsParser.parse(rm.spec(), top.positionalsFrom(1));
        assertTrue(local.flag("--force"));
        assertEquals(List.of("web"), local.positionals());
        assertEquals("DIR", JcomposeCommand.SPEC.option("--workdir").label());
    }

    /** The real verbs' specs in docker compose's forms: clusters, repeated values, exec/run keeping their command's flags. */
    @Test
    void verbsTakeDockerComposesForms() {
        ParsedArgs ps = parse("ps", "-aq", "--format=json", "web");
        assertTrue(ps.flag("--all") && ps.flag("--quiet"));
        assertEquals("json", ps.value("--format"));
        ParsedArgs exec = parse("exec", "-T", "-e", "A=1", "--env=B=2", "web", "sh", "-c", "echo -e x; exit 3", "--help");
        assertEquals(List.of("A=1", "B=2"), exec.values("--env"));
        assertEquals(List.of("web", "sh", "-c", "echo -e x; exit 3", "--help"), exec.positionals());
        // docker compose's hidden -i and -t (both on by default), as users type them
        ParsedArgs it = parse("exec", "-it", "web", "sh");
        assertTrue(it.flag("--interactive") && it.flag("--tty"));
        ParsedArgs run = parse("run", "--rm", "-v", "/a:/b", "web", "ls", "-la");
        assertTrue(run.flag("--rm"));
        assertEquals(List.of("ls", "-la"), run.positionalsFrom(1));
        for (String verb : List.of("start", "stop", "restart", "kill", "rm", "pause", "unpause", "top", "logs", "images", "events", "pull", "create")) {
            Verb v = JcomposeCommand.verb(verb);
            v.bind(ArgsParser.parse(v.spec(), List.of("web", "db"))); // services as positionals, bound by the verb or its base
        }
        assertEquals(0, parse("down", "-t", "0").integer("--timeout", -1));
        assertEquals(Boolean.FALSE, parse("up", "--remove-orphans=false").flagOrNull("--remove-orphans"));
        assertTrue(parse("up", "-dV").flag("--renew-anon-volumes"));
        assertEquals(List.of("a.json", "b.json"), parse("image", "rm", "-f", "a.json", "b.json").positionalsFrom(2));
    }

    private static ParsedArgs parse(String verb, String... args) {
        return ArgsParser.parse(JcomposeCommand.verb(verb).spec(), List.of(args));
    }

    @Test
    void everyVerbNameAndAliasMakesTheVerbItsSpecNames() {
        for (String name : JcomposeCommand.VERBS) {
            Verb verb = JcomposeCommand.verb(name);
            assertNotNull(verb, name);
            CommandSpec spec = verb.spec();
            assertEquals(name, spec.name());
            for (String alias : spec.aliases()) {
                assertSame(verb.getClass(), JcomposeCommand.verb(alias).getClass(), alias);
            }
            for (CommandSpec sub : spec.subcommands()) {
                for (String n : concat(sub.name(), sub.aliases())) {
                    assertEquals(sub, verb.subcommand(n).spec(), name + " " + n);
                }
            }
        }
        assertNull(JcomposeCommand.verb("nosuch"));
        assertEquals("convert", JcomposeCommand.verb("convert").spec().aliases().get(0));
    }

    /** Binding reads only declared options: a verb whose bind asks for an undeclared one fails here, not in front of a user. */
    @Test
    void everyVerbBindsItsDefaults() {
        for (String name : JcomposeCommand.VERBS) {
            Verb verb = JcomposeCommand.verb(name);
            verb.bind(ParsedArgs.empty(verb.spec()));
            for (CommandSpec sub : verb.spec().subcommands()) {
                Verb s = verb.subcommand(sub.name());
                s.bind(ParsedArgs.empty(s.spec()));
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
