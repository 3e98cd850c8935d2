package dev.jcompose.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds the verb a command line names without building any verb's picocli model: the first argument
 * that is neither a global option nor a global option's value. Names and aliases come from the verbs'
 * {@code @Command} annotations.
 */
final class VerbLookup {
    private VerbLookup() {
    }

    /** The verb class {@code args} name, or empty when they name none (or one that does not exist). */
    static Optional<Class<?>> find(CommandSpec top, List<Class<?>> verbs, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return Optional.empty();
            }
            if (arg.startsWith("-")) {
                OptionSpec option = arg.contains("=") ? null : top.findOption(arg);
                if (option != null && option.arity().max() > 0) {
                    i++; // the option's value
                }
                continue;
            }
            return verbs.stream().filter(v -> named(v, arg)).findFirst();
        }
        return Optional.empty();
    }

    private static boolean named(Class<?> verb, String name) {
        Command command = verb.getAnnotation(Command.class);
        return command != null && (command.name().equals(name) || List.of(command.aliases()).contains(name));
    }
}
