package dev.jcompose.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * A command's help in docker compose's layout: {@code Usage:  PATH [OPTIONS] ARGS}, the description, the
 * aliases, the options (hidden ones left out) and the subcommands, each in aligned columns, then where to read
 * more about a subcommand.
 */
public final class HelpText {
    private HelpText() {
    }

    /** The help of {@code spec}, reached as {@code path} (e.g. {@code jcompose image}). */
    public static String render(String path, CommandSpec spec) {
        StringBuilder b = new StringBuilder();
        b.append("Usage:  ").append(path);
        List<OptionSpec> shown = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                shown.add(o);
            }
        }
        if (!shown.isEmpty()) {
            b.append(" [OPTIONS]");
        }
        if (!spec.subcommands().isEmpty()) {
            b.append(" COMMAND");
        }
        for (PositionalSpec p : spec.positionals()) {
            b.append(' ').append(p.usage());
        }
        b.append("\n\n").append(spec.description()).append('\n');
        if (!spec.aliases().isEmpty()) {
            String parent = path.substring(0, path.length() - spec.name().length());
            List<String> names = new ArrayList<>();
            names.add(path);
            for (String a : spec.aliases()) {
                names.add(parent + a);
            }
            b.append("\nAliases:\n  ").append(String.join(", ", names)).append('\n');
        }
        if (!shown.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            for (OptionSpec o : shown) {
                rows.add(new String[] {optionColumn(o), o.description()});
            }
            b.append("\nOptions:\n");
            table(b, rows);
        }
        if (!spec.subcommands().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            for (CommandSpec c : spec.subcommands()) {
                List<String> names = new ArrayList<>();
                names.add(c.name());
                names.addAll(c.aliases());
                rows.add(new String[] {String.join(", ", names), c.description()});
            }
            b.append("\nCommands:\n");
            table(b, rows);
            b.append("\nRun '").append(path).append(" COMMAND --help' for more information on a command.\n");
        }
        return b.toString();
    }

    /** {@code -a, --all}, or {@code       --format FORMAT} (long-only names indented under the short ones). */
    static String optionColumn(OptionSpec o) {
        List<String> names = o.names();
        String first = names.get(0);
        String text = first.startsWith("--") ? "    " + String.join(", ", names) : String.join(", ", names);
        return o.takesValue() ? text + " " + o.label() : text;
    }

    private static void table(StringBuilder b, List<String[]> rows) {
        int width = 0;
        for (String[] r : rows) {
            width = Math.max(width, r[0].length());
        }
        for (String[] r : rows) {
            b.append("  ").append(r[0]);
            if (r[1] != null && !r[1].isEmpty()) {
                b.append(" ".repeat(width - r[0].length() + 3)).append(r[1]);
            }
            b.append('\n');
        }
    }
}
