package dev.jcompose.model.load;

import dev.jcompose.model.Mark;

/**
 * A YAML scalar: its text as written and the type the YAML 1.2 core schema gives it (quoted scalars
 * are always strings). Interpolation rewrites {@code text}; {@link #retyped(String)} resolves the
 * type of new text the same way a plain scalar would be. {@code plain} says whether it was written
 * without quotes (only plain scalars are re-typed after interpolation).
 */
public record YScalar(String text, Kind kind, Mark mark, YTag tag, boolean plain) implements YNode {

    public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    public YScalar {
        text = text == null ? "" : text;
        tag = tag == null ? YTag.NONE : tag;
    }

    public static YScalar string(String text, Mark mark) {
        return new YScalar(text, Kind.STRING, mark, YTag.NONE, false);
    }

    public static YScalar plain(String text, Mark mark) {
        return new YScalar(text, CoreSchema.kindOf(text), mark, YTag.NONE, true);
    }

    /** The same scalar with new text, typed as a plain scalar of that text would be. */
    public YScalar retyped(String newText) {
        return new YScalar(newText, CoreSchema.kindOf(newText), mark, tag, true);
    }

    /** The same scalar with new text, kept a string. */
    public YScalar withText(String newText) {
        return new YScalar(newText, Kind.STRING, mark, tag, false);
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The Java value: String, Long (or BigInteger when too large), Double, Boolean, or null. */
    public Object value() {
        return switch (kind) {
            case STRING -> text;
            case NULL -> null;
            case BOOL -> CoreSchema.parseBool(text);
            case INT -> CoreSchema.parseInt(text);
            case FLOAT -> CoreSchema.parseFloat(text);
        };
    }

    /** The value as the text the author wrote ({@code 80} → "80", {@code 007} → "007"); "" for null. */
    public String asString() {
        return kind == Kind.NULL ? "" : text;
    }

    @Override
    public YScalar withTag(YTag t) {
        return new YScalar(text, kind, mark, t, plain);
    }

    @Override
    public String kindName() {
        return switch (kind) {
            case STRING -> "string";
            case INT -> "integer";
            case FLOAT -> "number";
            case BOOL -> "boolean";
            case NULL -> "null";
        };
    }
}
