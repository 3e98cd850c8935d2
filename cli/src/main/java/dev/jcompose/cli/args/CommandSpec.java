package dev.jcompose.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command accepts: name, aliases, description, options, positionals and, for a command that groups
 * others ({@code image}), its subcommands. Built once as a static constant with plain calls
 * ({@link #command}), so nothing is reflected or generated at start-up. {@code -h, --help} is added to every
 * command. When {@code optionsEndAtPositional} (pflag's interspersed off: {@code exec}, {@code run}, and every
 * command with subcommands), everything after the first positional is positional too.
 */
public record CommandSpec(String name, List<String> aliases, String description, List<OptionSpec> options,
        List<PositionalSpec> positionals, List<CommandSpec> subcommands, boolean optionsEndAtPositional) {
    public static final OptionSpec HELP = new OptionSpec(List.of("-h", "--help"), null, "Show this help message and exit", false, false);

    public CommandSpec {
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
        positionals = List.copyOf(positionals);
        subcommands = List.copyOf(subcommands);
        List<String> seen = new ArrayList<>();
        for (OptionSpec o : options) {
            for (String n : o.names()) {
                if (seen.contains(n)) {
                    throw new IllegalArgumentException(name + ": option " + n + " declared twice");
                }
                seen.add(n);
            }
        }
    }

    public static Builder command(String name, String description) {
        return new Builder(name, description);
    }

    /** The option with this name ({@code -a} or {@code --all}), or null. */
    public OptionSpec option(String optionName) {
        for (OptionSpec o : options) {
            if (o.names().contains(optionName)) {
                return o;
            }
        }
        return null;
    }

    /** Whether it is called {@code word}, by name or alias. */
    public boolean named(String word) {
        return name.equals(word) || aliases.contains(word);
    }

    /** The subcommand called {@code word}, or null. */
    public CommandSpec subcommand(String word) {
        for (CommandSpec c : subcommands) {
            if (c.named(word)) {
                return c;
            }
        }
        return null;
    }

    /** The fewest positionals it takes. */
    public int minPositionals() {
        int min = 0;
        for (PositionalSpec p : positionals) {
            min += p.min();
        }
        return min;
    }

    /** The most positionals it takes, {@link PositionalSpec#UNBOUNDED} for any number. */
    public int maxPositionals() {
        int max = 0;
        for (PositionalSpec p : positionals) {
            if (p.max() == PositionalSpec.UNBOUNDED) {
                return PositionalSpec.UNBOUNDED;
            }
            max += p.max();
        }
        return max;
    }

    /**
     * The same command with these subcommands instead of its positionals (the top level takes its verb and the
     * verb's arguments as positionals, and lists every verb only for its usage).
     */
    public CommandSpec withSubcommands(List<CommandSpec> commands) {
        return new CommandSpec(name, aliases, description, options, List.of(), commands, true);
    }

    /** Collects a command's parts in declaration order; {@link #build()} adds {@code -h, --help}. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final List<String> aliases = new ArrayList<>();
        private final List<OptionSpec> options = new ArrayList<>();
        private final List<PositionalSpec> positionals = new ArrayList<>();
        private final List<CommandSpec> subcommands = new ArrayList<>();
        private boolean optionsEndAtPositional;

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder alias(String... names) {
            aliases.addAll(List.of(names));
            return this;
        }

        /** A flag: no value; {@code --name=false} turns it off. */
        public Builder flag(String description, String... names) {
            return add(new OptionSpec(List.of(names), null, description, false, false));
        }

        /** A flag the help does not show. */
        public Builder hiddenFlag(String description, String... names) {
            return add(new OptionSpec(List.of(names), null, description, true, false));
        }

        /** An option with one value ({@code --format FORMAT}); given again, the last value wins. */
        public Builder option(String label, String description, String... names) {
            return add(new OptionSpec(List.of(names), label, description, false, false));
        }

        /** An option whose every occurrence adds a value ({@code -e K=V -e K2=V2}). */
        public Builder repeatable(String label, String description, String... names) {
            return add(new OptionSpec(List.of(names), label, description, false, true));
        }

        /** An option with a value the help does not show. */
        public Builder hiddenOption(String label, String description, String... names) {
            return add(new OptionSpec(List.of(names), label, description, true, false));
        }

        public Builder add(OptionSpec option) {
            options.add(option);
            return this;
        }

        /** Positionals labelled {@code label}, at least {@code min}, at most {@code max} ({@link PositionalSpec#UNBOUNDED}: any). */
        public Builder positional(String label, int min, int max) {
            positionals.add(new PositionalSpec(label, min, max));
            return this;
        }

        /** Options end at the first positional; the rest is the positional's ({@code exec web sh -c …}). */
        public Builder optionsEndAtPositional() {
            optionsEndAtPositional = true;
            return this;
        }

        public Builder subcommand(CommandSpec command) {
            subcommands.add(command);
            optionsEndAtPositional = true;
            return this;
        }

        public CommandSpec build() {
            List<OptionSpec> all = new ArrayList<>(options);
            boolean ownH = false;
            for (OptionSpec o : options) {
                ownH |= o.names().contains("-h");
            }
            all.add(ownH ? new OptionSpec(List.of("--help"), null, HELP.description(), false, false) : HELP);
            return new CommandSpec(name, aliases, description, all, positionals, subcommands, optionsEndAtPositional);
        }
    }
}
