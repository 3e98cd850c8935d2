package dev.jcompose.cli.args;

/** Positional parameters of a command: their label ({@code SERVICE}) and how many there may be ({@code max} -1: any number). */
public record PositionalSpec(String label, int min, int max) {
    public static final int UNBOUNDED = -1;

    public PositionalSpec {
        if (min < 0 || max != UNBOUNDED && max < Math.max(min, 1)) {
            throw new IllegalArgumentException("bad arity " + min + ".." + max + " for " + label);
        }
    }

    /** As usage shows it: {@code SERVICE}, {@code [SERVICE]}, {@code SERVICE...}, {@code [SERVICE...]}. */
    public String usage() {
        String many = max == 1 ? label : label + "...";
        return min == 0 ? "[" + many + "]" : many;
    }
}
