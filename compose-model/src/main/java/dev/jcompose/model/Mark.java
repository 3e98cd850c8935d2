package dev.jcompose.model;

/**
 * A place in a source file: the file as the user named it (or {@code -} for stdin), and 1-based line
 * and column. {@link #toString()} is the {@code file:line:column} prefix of error messages.
 */
public record Mark(String file, int line, int column) {

    /** The mark for values that come from no file (flags, environment, defaults). */
    public static Mark none(String origin) {
        return new Mark(origin, 0, 0);
    }

    public boolean isInFile() {
        return line > 0;
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
