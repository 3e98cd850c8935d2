package dev.jcompose.cli.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a command line against a {@link CommandSpec} as pflag does: {@code --opt=value} and {@code --opt value}
 * (the next argument is the value even when it starts with a dash: {@code --parallel -1}), clustered short
 * flags ({@code -aq}) with a value option last taking the rest ({@code -pdemo}, {@code -t0}) or the next
 * argument, {@code --} ending options, a lone {@code -} as a positional. Errors are {@link UsageError}s in
 * pflag's and cobra's words; the positional count is checked unless help was asked for or the command has
 * subcommands (its caller goes on with the rest).
 *
 * <p>Values are kept by the option's key, never by the {@link OptionSpec} record: a record's {@code hashCode}
 * is bootstrapped through {@code ObjectMethods}, which spins some twenty method-handle classes at first use
 * (about 50 ms of a short verb's start-up).
 */
public final class ArgsParser {
    private ArgsParser() {
    }

    public static ParsedArgs parse(CommandSpec spec, List<String> args) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsDone = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (optionsDone || a.length() < 2 || a.charAt(0) != '-') {
                positionals.add(a);
                optionsDone |= spec.optionsEndAtPositional();
            } else if (a.equals("--")) {
                optionsDone = true;
            } else if (a.startsWith("--")) {
                i = longOption(spec, args, i, given);
            } else {
                i = shortCluster(spec, args, i, given);
            }
        }
        ParsedArgs parsed = new ParsedArgs(spec, given, positionals);
        if (!parsed.helpRequested() && spec.subcommands().isEmpty()) {
            checkCount(spec, positionals.size());
        }
        return parsed;
    }

    private static int longOption(CommandSpec spec, List<String> args, int i, Map<String, List<String>> given) {
        String a = args.get(i);
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        OptionSpec o = spec.option(name);
        if (o == null) {
            throw new UsageError("unknown flag: " + name);
        }
        String value = eq < 0 ? null : a.substring(eq + 1);
        if (o.takesValue() && value == null) {
            if (i + 1 >= args.size()) {
                throw new UsageError("flag needs an argument: " + name);
            }
            value = args.get(++i);
        }
        record(o, value, given);
        return i;
    }

    private static int shortCluster(CommandSpec spec, List<String> args, int i, Map<String, List<String>> given) {
        String a = args.get(i);
        for (int j = 1; j < a.length(); j++) {
            char c = a.charAt(j);
            OptionSpec o = spec.option("-" + c);
            if (o == null) {
                throw new UsageError("unknown shorthand flag: '" + c + "' in " + a);
            }
            String rest = a.substring(j + 1);
            if (o.takesValue()) {
                String value = rest.startsWith("=") ? rest.substring(1) : rest;
                if (rest.isEmpty()) {
                    if (i + 1 >= args.size()) {
                        throw new UsageError("flag needs an argument: '" + c + "' in " + a);
                    }
                    value = args.get(++i);
                }
                record(o, value, given);
                return i;
            }
            if (rest.startsWith("=")) { // -a=false
                record(o, rest.substring(1), given);
                return i;
            }
            record(o, null, given);
        }
        return i;
    }

    private static void record(OptionSpec o, String value, Map<String, List<String>> given) {
        if (!o.takesValue()) {
            if (value != null && !Booleans.valid(value)) {
                throw new UsageError("invalid argument \"" + value + "\" for \"" + o.shown() + "\" flag: strconv.ParseBool: parsing \""
                        + value + "\": invalid syntax");
            }
            value = value == null ? "true" : value;
        }
        List<String> values = given.get(o.key());
        if (values == null) {
            values = new ArrayList<>();
            given.put(o.key(), values);
        }
        values.add(value);
    }

    /** cobra's argument-count messages ({@code MinimumNArgs}, {@code MaximumNArgs}, {@code ExactArgs}, {@code RangeArgs}). */
    private static void checkCount(CommandSpec spec, int n) {
        int min = spec.minPositionals();
        int max = spec.maxPositionals();
        boolean unbounded = max == PositionalSpec.UNBOUNDED;
        if (n >= min && (unbounded || n <= max)) {
            return;
        }
        if (unbounded) {
            throw new UsageError("requires at least " + min + " arg(s), only received " + n);
        }
        if (min == 0) {
            throw new UsageError("accepts at most " + max + " arg(s), received " + n);
        }
        if (min == max) {
            throw new UsageError("accepts " + max + " arg(s), received " + n);
        }
        throw new UsageError("accepts between " + min + " and " + max + " arg(s), received " + n);
    }
}
