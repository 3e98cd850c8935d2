package dev.jcompose.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of the docker CLI's {@code --format} templates shared by {@code ps} and {@code stats}: {@code {{ action }}}
 * replaced by what the verb's evaluator gives, {@code \t} and {@code \n} as escapes, and a leading {@code table} for
 * aligned columns under headers named after the fields.
 *
 * @param template the template without {@code table}, escapes turned into tabs and newlines
 * @param table    whether it began with {@code table}
 */
record GoTemplate(String template, boolean table) {
    private static final Pattern ACTION = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

    static GoTemplate parse(String format) {
        boolean table = format.startsWith("table");
        return new GoTemplate((table ? format.substring(5).stripLeading() : format).replace("\\t", "\t").replace("\\n", "\n"), table);
    }

    /** The template with each action (its text inside the braces) replaced by {@code evaluate}'s answer. */
    String expand(UnaryOperator<String> evaluate) {
        Matcher m = ACTION.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(evaluate.apply(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Prints expanded lines: one per item, or, for a table, aligned under a header line in which each action is
     * {@code header} of its field ({@code json .X} counts as {@code .X}).
     */
    void print(PrintWriter out, List<String> lines, UnaryOperator<String> header, int minWidth) {
        if (!table) {
            lines.forEach(out::println);
            return;
        }
        String[] headers = expand(a -> header.apply(a.startsWith("json ") ? a.substring(5).strip() : a)).split("\t", -1);
        List<String[]> rows = new ArrayList<>();
        for (String l : lines) {
            rows.add(Arrays.stream(Arrays.copyOf(l.split("\t", -1), headers.length)).map(c -> c == null ? "" : c).toArray(String[]::new));
        }
        Table.print(out, headers, rows, minWidth);
    }
}
