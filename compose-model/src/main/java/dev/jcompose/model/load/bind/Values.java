package dev.jcompose.model.load.bind;

import dev.jcompose.model.ByteSize;
import dev.jcompose.model.ComposeException;
import dev.jcompose.model.GoDuration;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one normalised mapping with located errors: every wrong type becomes a
 * {@link ComposeException} naming the file, line and attribute — never a ClassCastException.
 */
final class Values {
    private final YMap map;
    private final String path;

    Values(YMap map, String path) {
        this.map = map;
        this.path = path;
    }

    static Values of(YNode n, String path) {
        if (n instanceof YMap m) {
            return new Values(m, path);
        }
        if (n == null || n instanceof YScalar s && s.isNull()) {
            return new Values(YMap.empty(n == null ? null : n.mark()), path);
        }
        throw new ComposeException(n.mark(), path, "must be a mapping, not a " + n.kindName());
    }

    YMap map() {
        return map;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return map.get(key) != null && !(map.get(key) instanceof YScalar s && s.isNull());
    }

    Values child(String key) {
        return of(map.get(key), path(key));
    }

    String str(String key) {
        YNode n = map.get(key);
        if (n == null || n instanceof YScalar s && s.isNull()) {
            return null;
        }
        if (n instanceof YScalar s) {
            return s.text();
        }
        throw error(key, "must be a string, not a " + n.kindName());
    }

    String str(String key, String dflt) {
        String v = str(key);
        return v == null ? dflt : v;
    }

    boolean bool(String key, boolean dflt) {
        String v = str(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw error(key, "must be a boolean, not \"" + v + "\"");
        };
    }

    Boolean boolOrNull(String key) {
        return has(key) ? bool(key, false) : null;
    }

    Long longOrNull(String key) {
        String v = str(key);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(key, "must be an integer, not \"" + v + "\"");
        }
    }

    Integer intOrNull(String key) {
        Long v = longOrNull(key);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            throw error(key, "is out of range: " + v);
        }
        return v == null ? null : v.intValue();
    }

    Double doubleOrNull(String key) {
        String v = str(key);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(key, "must be a number, not \"" + v + "\"");
        }
    }

    Duration duration(String key) {
        String v = str(key);
        if (v == null) {
            return null;
        }
        Duration d = GoDuration.parse(v);
        if (d == null) {
            throw error(key, "invalid duration \"" + v + "\"");
        }
        return d;
    }

    Long bytes(String key) {
        String v = str(key);
        if (v == null) {
            return null;
        }
        long b = ByteSize.parse(v);
        if (b < 0) {
            throw error(key, "invalid size \"" + v + "\": use a number of bytes or a unit such as 512m or 2g");
        }
        return b;
    }

    List<String> strings(String key) {
        YNode n = map.get(key);
        if (n == null || n instanceof YScalar s && s.isNull()) {
            return List.of();
        }
        if (n instanceof YScalar s) {
            return List.of(s.text());
        }
        if (!(n instanceof YSeq seq)) {
            throw error(key, "must be a list of strings, not a " + n.kindName());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            if (!(item instanceof YScalar s)) {
                throw new ComposeException(item.mark(), path(key) + "[" + i + "]", "must be a string, not a " + item.kindName());
            }
            out.add(s.text());
        }
        return out;
    }

    /** A list that may be absent: null when the key is not set (command: null = the image's). */
    List<String> stringsOrNull(String key) {
        return map.get(key) == null ? null : strings(key);
    }

    Map<String, String> stringMap(String key) {
        YNode n = map.get(key);
        if (n == null || n instanceof YScalar s && s.isNull()) {
            return Map.of();
        }
        if (!(n instanceof YMap m)) {
            throw error(key, "must be a mapping, not a " + n.kindName());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : m.entries().entrySet()) {
            if (!(e.getValue() instanceof YScalar s)) {
                throw new ComposeException(e.getValue().mark(), path(key) + "." + e.getKey(), "must be a string, not a "
                        + e.getValue().kindName());
            }
            out.put(e.getKey(), s.isNull() ? "" : s.text());
        }
        return out;
    }

    List<YNode> items(String key) {
        YNode n = map.get(key);
        if (n == null || n instanceof YScalar s && s.isNull()) {
            return List.of();
        }
        if (!(n instanceof YSeq seq)) {
            throw error(key, "must be a list, not a " + n.kindName());
        }
        return seq.items();
    }

    ComposeException error(String key, String reason) {
        YNode n = map.get(key);
        return new ComposeException(n == null ? map.mark() : n.mark(), path(key), reason);
    }
}
