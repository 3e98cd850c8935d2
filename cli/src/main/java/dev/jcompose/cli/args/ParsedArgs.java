package dev.jcompose.cli.args;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line parsed against a {@link CommandSpec}: the options given (asked by any of their names) and the
 * positionals. Typed accessors only: a bad number is a {@link UsageError} in pflag's words. Asking for an
 * option the command does not declare is a programming error ({@link IllegalArgumentException}).
 */
public final class ParsedArgs {
    private final CommandSpec spec;
    /** Values by {@link OptionSpec#key()}: see {@link ArgsParser} on why not by the record. */
    private final Map<String, List<String>> given;
    private final List<String> positionals;

    ParsedArgs(CommandSpec spec, Map<String, List<String>> given, List<String> positionals) {
        this.spec = spec;
        this.given = new LinkedHashMap<>(given);
        this.positionals = List.copyOf(positionals);
    }

    /** A parse result with nothing given, for a command's default values. */
    public static ParsedArgs empty(CommandSpec spec) {
        return new ParsedArgs(spec, Map.of(), List.of());
    }

    public CommandSpec spec() {
        return spec;
    }

    /** Whether {@code -h}/{@code --help} was given. */
    public boolean helpRequested() {
        return given.containsKey(spec.option("--help").key());
    }

    /** Whether the option was given at all (a flag or an option with a value). */
    public boolean has(String name) {
        return given.containsKey(declared(name).key());
    }

    /** A flag: false when absent, else its last value ({@code --x} is true, {@code --x=false} false). */
    public boolean flag(String name) {
        Boolean b = flagOrNull(name);
        return b != null && b;
    }

    /** A flag that is null when not given (a default from elsewhere, e.g. the environment). */
    public Boolean flagOrNull(String name) {
        OptionSpec o = declared(name);
        if (o.takesValue()) {
            throw new IllegalArgumentException(o.key() + " takes a value, not a flag");
        }
        List<String> v = given.get(o.key());
        return v == null ? null : Booleans.parse(v.get(v.size() - 1));
    }

    /** An option's last value, or null when not given. */
    public String value(String name) {
        List<String> v = valuesOf(name);
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** An option's last value, or {@code otherwise} when not given. */
    public String value(String name, String otherwise) {
        String v = value(name);
        return v == null ? otherwise : v;
    }

    /** Every value of a (repeatable) option, in order; empty when not given. */
    public List<String> values(String name) {
        return new ArrayList<>(valuesOf(name));
    }

    /** An integer option, or null when not given. */
    public Integer integer(String name) {
        String v = value(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageError("invalid argument \"" + v + "\" for \"" + declared(name).shown()
                    + "\" flag: strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
        }
    }

    /** An integer option, or {@code otherwise} when not given. */
    public int integer(String name, int otherwise) {
        Integer v = integer(name);
        return v == null ? otherwise : v;
    }

    /** A path option, or null when not given. */
    public java.nio.file.Path path(String name) {
        String v = value(name);
        return v == null ? null : java.nio.file.Path.of(v);
    }

    /** All positionals, in order. */
    public List<String> positionals() {
        return new ArrayList<>(positionals);
    }

    /** The positional at {@code index}, or null when there are fewer. */
    public String positional(int index) {
        return index < positionals.size() ? positionals.get(index) : null;
    }

    /** The positionals from {@code index} on (empty when there are fewer). */
    public List<String> positionalsFrom(int index) {
        return index < positionals.size() ? new ArrayList<>(positionals.subList(index, positionals.size())) : new ArrayList<>();
    }

    private List<String> valuesOf(String name) {
        OptionSpec o = declared(name);
        if (!o.takesValue()) {
            throw new IllegalArgumentException(o.key() + " is a flag; it has no value");
        }
        return given.getOrDefault(o.key(), Collections.emptyList());
    }

    private OptionSpec declared(String name) {
        OptionSpec o = spec.option(name);
        if (o == null) {
            throw new IllegalArgumentException(spec.name() + " declares no option " + name);
        }
        return o;
    }
}
