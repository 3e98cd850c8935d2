package dev.jcompose.model.load;

import dev.jcompose.model.Mark;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping with string keys, in file order. {@code keyMarks} holds where each key was written,
 * so that errors about a key (unknown attribute, duplicate) can point at it.
 */
public record YMap(Map<String, YNode> entries, Map<String, Mark> keyMarks, Mark mark, YTag tag) implements YNode {

    public YMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyMarks = Collections.unmodifiableMap(new LinkedHashMap<>(keyMarks));
        tag = tag == null ? YTag.NONE : tag;
    }

    public static YMap empty(Mark mark) {
        return new YMap(Map.of(), Map.of(), mark, YTag.NONE);
    }

    public YNode get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Where {@code key} was written, or the mapping's own mark when the key came from elsewhere. */
    public Mark keyMark(String key) {
        return keyMarks.getOrDefault(key, mark);
    }

    /** A copy with {@code key} set to {@code value} (added at the end when new). */
    public YMap with(String key, YNode value) {
        LinkedHashMap<String, YNode> e = new LinkedHashMap<>(entries);
        e.put(key, value);
        LinkedHashMap<String, Mark> k = new LinkedHashMap<>(keyMarks);
        k.putIfAbsent(key, value.mark());
        return new YMap(e, k, mark, tag);
    }

    /** A copy without {@code key}. */
    public YMap without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        LinkedHashMap<String, YNode> e = new LinkedHashMap<>(entries);
        e.remove(key);
        LinkedHashMap<String, Mark> k = new LinkedHashMap<>(keyMarks);
        k.remove(key);
        return new YMap(e, k, mark, tag);
    }

    @Override
    public YMap withTag(YTag t) {
        return new YMap(entries, keyMarks, mark, t);
    }

    @Override
    public String kindName() {
        return "mapping";
    }
}
