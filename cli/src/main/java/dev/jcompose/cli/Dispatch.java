package dev.jcompose.cli;

import dev.jcompose.cli.args.ArgsParser;
import dev.jcompose.cli.args.HelpText;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.UsageError;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs a jcompose command line: the global flags up to the verb, then the verb's own (a group such as
 * {@code image} passes the rest to its subcommand), {@code --help} at any level, then the verb. Usage errors and
 * execution errors are reported by {@link ErrorHandler}; the exit code is returned.
 */
final class Dispatch {
    private Dispatch() {
    }

    static int run(List<String> args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(List<String> args, PrintWriter out, PrintWriter err) {
        String path = "jcompose";
        Verb verb;
        ParsedArgs parsed;
        GlobalOptions global;
        try {
            ParsedArgs top = ArgsParser.parse(JcomposeCommand.SPEC, args);
            if (top.helpRequested() || top.positionals().isEmpty() && !top.flag("--version")) {
                out.print(HelpText.render(path, JcomposeCommand.usageSpec()));
                return 0;
            }
            if (top.flag("--version")) {
                out.println(JcomposeCommand.VERSION);
                return 0;
            }
            global = GlobalOptions.from(top);
            String name = top.positional(0);
            if (name.equals("help")) { // cobra's help command: jcompose help [VERB]
                Verb named = top.positional(1) == null ? null : JcomposeCommand.verb(top.positional(1));
                out.print(named == null ? HelpText.render(path, JcomposeCommand.usageSpec())
                        : HelpText.render(path + " " + named.spec().name(), named.spec()));
                return 0;
            }
            verb = JcomposeCommand.verb(name);
            if (verb == null) {
                throw new UsageError("unknown command \"" + name + "\" for \"" + path + "\"");
            }
            path = path + " " + verb.spec().name();
            parsed = ArgsParser.parse(verb.spec(), top.positionalsFrom(1));
            while (!parsed.helpRequested() && !verb.spec().subcommands().isEmpty() && !parsed.positionals().isEmpty()) {
                String subName = parsed.positional(0);
                Verb sub = verb.subcommand(subName);
                if (sub == null) {
                    throw new UsageError("unknown command \"" + subName + "\" for \"" + path + "\"");
                }
                verb = sub;
                path = path + " " + sub.spec().name();
                parsed = ArgsParser.parse(sub.spec(), parsed.positionalsFrom(1));
            }
            if (parsed.helpRequested()) {
                out.print(HelpText.render(path, verb.spec()));
                return 0;
            }
        } catch (UsageError e) {
            return ErrorHandler.usageError(e, path, err);
        }
        verb.attach(new Invocation(global, out, err));
        try {
            verb.bind(parsed);
            Integer code = verb.call();
            return code == null ? 0 : code;
        } catch (UsageError e) {
            return ErrorHandler.usageError(e, path, err);
        } catch (Exception e) {
            return ErrorHandler.executionError(e, global.debug(), err);
        }
    }
}
