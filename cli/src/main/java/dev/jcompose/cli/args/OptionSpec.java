package dev.jcompose.cli.args;

import java.util.List;

/**
 * One option of a command: its names ({@code -a}, {@code --all}), the label of its value ({@code null} for a
 * flag, which takes none — only {@code --flag=false} as pflag allows), its description for the help, whether the
 * help leaves it out, and whether giving it again adds a value ({@code -f a -f b}) rather than replacing it.
 */
public record OptionSpec(List<String> names, String label, String description, boolean hidden, boolean repeatable) {
    public OptionSpec {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an option needs a name");
        }
        for (String n : names) {
            if (!(n.startsWith("--") && n.length() > 2 || n.length() == 2 && n.charAt(0) == '-' && n.charAt(1) != '-')) {
                throw new IllegalArgumentException("not an option name: " + n + " (-x or --name)");
            }
        }
    }

    /** Whether it takes a value ({@code --format json}); a flag takes none. */
    public boolean takesValue() {
        return label != null;
    }

    /** The name a parse result is asked by: the first long name, else the short one. */
    public String key() {
        for (String n : names) {
            if (n.startsWith("--")) {
                return n;
            }
        }
        return names.get(0);
    }

    /** Its names as cobra shows them in messages: {@code -t, --timeout}. */
    public String shown() {
        return String.join(", ", names);
    }
}
