package dev.jcompose.model.load;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small constructors and typed accessors for {@link YNode} trees, with located errors for wrong kinds. */
public final class Nodes {
    private Nodes() {
    }

    public static YScalar str(String text, Mark mark) {
        return YScalar.string(text, mark);
    }

    public static YScalar num(long value, Mark mark) {
        return new YScalar(Long.toString(value), YScalar.Kind.INT, mark, YTag.NONE, true);
    }

    public static YScalar bool(boolean value, Mark mark) {
        return new YScalar(Boolean.toString(value), YScalar.Kind.BOOL, mark, YTag.NONE, true);
    }

    public static YScalar nul(Mark mark) {
        return new YScalar("null", YScalar.Kind.NULL, mark, YTag.NONE, true);
    }

    public static YMap map(Map<String, ? extends YNode> entries, Mark mark) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        entries.forEach((k, v) -> marks.put(k, v.mark()));
        return new YMap(new LinkedHashMap<>(entries), marks, mark, YTag.NONE);
    }

    public static YSeq seq(List<? extends YNode> items, Mark mark) {
        return new YSeq(List.copyOf(items), mark, YTag.NONE);
    }

    public static YMap asMap(YNode n, String path) {
        if (n instanceof YMap m) {
            return m;
        }
        throw wrongKind(n, path, "a mapping");
    }

    public static YSeq asSeq(YNode n, String path) {
        if (n instanceof YSeq s) {
            return s;
        }
        throw wrongKind(n, path, "a sequence");
    }

    public static YScalar asScalar(YNode n, String path) {
        if (n instanceof YScalar s) {
            return s;
        }
        throw wrongKind(n, path, "a scalar");
    }

    public static ComposeException wrongKind(YNode n, String path, String expected) {
        return new ComposeException(n.mark(), path, "must be " + expected + ", not a " + n.kindName());
    }

    /** The text of a scalar, or null for YAML null. */
    public static String text(YNode n, String path) {
        YScalar s = asScalar(n, path);
        return s.isNull() ? null : s.text();
    }
}
