package dev.jcompose.model.load;

/** The compose-specific YAML tags that steer merging of several files. */
public enum YTag {
    NONE,
    /** {@code !reset}: the value is removed from the merged result (the override drops the base). */
    RESET,
    /** {@code !override}: the value replaces the base value instead of being merged into it. */
    OVERRIDE
}
