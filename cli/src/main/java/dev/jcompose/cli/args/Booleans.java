package dev.jcompose.cli.args;

/** A flag's value in Go's {@code strconv.ParseBool} spellings, as pflag accepts them ({@code --all=false}). */
final class Booleans {
    private Booleans() {
    }

    /** Whether {@code text} is one of ParseBool's spellings. */
    static boolean valid(String text) {
        return parseOrNull(text) != null;
    }

    static boolean parse(String text) {
        Boolean b = parseOrNull(text);
        if (b == null) {
            throw new IllegalArgumentException("not a boolean: " + text);
        }
        return b;
    }

    private static Boolean parseOrNull(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> null;
        };
    }
}
