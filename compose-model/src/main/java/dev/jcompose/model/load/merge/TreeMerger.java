package dev.jcompose.model.load.merge;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.YTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges an override file into a base, both in long form, with docker compose's rules: mappings
 * merge key by key, scalars are replaced, sequences are appended — except {@code command},
 * {@code entrypoint} and {@code healthcheck.test} (replaced); {@code ports}, {@code volumes},
 * {@code secrets}, {@code configs}, {@code devices}, {@code env_file} (merged by their key, the
 * override winning); the string lists ({@code cap_add}, {@code dns}, {@code expose}, {@code profiles} …)
 * (appended without duplicates), and a service network's {@code aliases} and {@code link_local_ips}
 * likewise, and {@code build}'s {@code tags}, {@code platforms}, {@code cache_from}, {@code cache_to}; a {@code ulimits} entry written as one number replaced whole (not merged with a
 * {@code {soft, hard}} one); {@code logging} (replaced when the driver changes); {@code x-*}
 * (replaced). {@code !reset} removes the inherited value, {@code !override} replaces it whole.
 */
public final class TreeMerger {
    private static final Set<String> REPLACED = Set.of("command", "entrypoint");
    private static final Set<String> UNIQUE_STRINGS = Set.of("cap_add", "cap_drop", "dns", "dns_search", "dns_opt", "expose",
            "external_links", "links", "group_add", "profiles", "security_opt", "tmpfs", "extra_hosts", "device_cgroup_rules");
    private static final Set<String> BUILD_UNIQUE = Set.of("tags", "platforms", "cache_from", "cache_to");
    private static final Map<String, Function<YNode, String>> KEYED = Map.of(
            "ports", TreeMerger::portKey,
            "volumes", n -> field(n, "target"),
            "secrets", n -> field(n, "target") != null ? field(n, "target") : field(n, "source"),
            "configs", n -> field(n, "target") != null ? field(n, "target") : field(n, "source"),
            "devices", n -> field(n, "target"),
            "env_file", n -> field(n, "path"));

    private TreeMerger() {
    }

    /** {@code override} merged into {@code base} (two whole compose files). */
    public static YMap merge(YMap base, YMap override) {
        return (YMap) mergeNode(base, override, List.of());
    }

    /** One service merged into another (for {@code extends}). */
    public static YMap mergeService(YMap base, YMap override) {
        return (YMap) mergeNode(base, override, List.of("services", "*"));
    }

    private static YNode mergeNode(YNode base, YNode over, List<String> path) {
        if (over.tag() == YTag.OVERRIDE) {
            return over.withTag(YTag.NONE);
        }
        String key = path.isEmpty() ? "" : path.get(path.size() - 1);
        boolean inService = path.size() == 3 && path.get(0).equals("services");
        if (inService && REPLACED.contains(key)) {
            return over;
        }
        if (path.size() == 4 && path.get(0).equals("services") && path.get(2).equals("healthcheck") && key.equals("test")) {
            return over;
        }
        if (key.startsWith("x-")) {
            return over;
        }
        if (path.size() == 4 && path.get(0).equals("services") && path.get(2).equals("ulimits")
                && (writtenShort(base) || writtenShort(over))) {
            return over; // a single limit and a {soft, hard} mapping do not merge: the override wins whole
        }
        if (inService && key.equals("logging") && base instanceof YMap b && over instanceof YMap o) {
            String d1 = field(b, "driver");
            String d2 = field(o, "driver");
            if (d1 != null && d2 != null && !d1.equals(d2)) {
                return over;
            }
        }
        if (base instanceof YMap b && over instanceof YMap o) {
            return mergeMaps(b, o, path);
        }
        if (base instanceof YSeq b && over instanceof YSeq o) {
            if (inService && KEYED.containsKey(key)) {
                return keyed(b, o, KEYED.get(key));
            }
            if (inService && UNIQUE_STRINGS.contains(key)) {
                return unique(b, o);
            }
            if (path.size() == 4 && path.get(0).equals("services") && path.get(2).equals("build") && BUILD_UNIQUE.contains(key)) {
                return unique(b, o);
            }
            if (path.size() == 5 && path.get(0).equals("services") && path.get(2).equals("networks")
                    && (key.equals("aliases") || key.equals("link_local_ips"))) {
                return unique(b, o);
            }
            List<YNode> items = new ArrayList<>(b.items());
            items.addAll(o.items());
            return new YSeq(items, b.mark(), YTag.NONE);
        }
        if (over instanceof YScalar s && s.isNull() && base instanceof YMap) {
            return base;
        }
        if (base instanceof YScalar bs && bs.isNull() && over instanceof YMap) {
            return over;
        }
        if (base instanceof YScalar || over instanceof YScalar) {
            return over;
        }
        throw new ComposeException(over.mark(), String.join(".", path), "cannot override a " + base.kindName() + " with a "
                + over.kindName());
    }

    private static YMap mergeMaps(YMap base, YMap over, List<String> path) {
        Map<String, YNode> out = new LinkedHashMap<>(base.entries());
        Map<String, dev.jcompose.model.Mark> marks = new LinkedHashMap<>(base.keyMarks());
        for (var e : over.entries().entrySet()) {
            YNode v = e.getValue();
            if (v.tag() == YTag.RESET) {
                out.remove(e.getKey());
                marks.remove(e.getKey());
                continue;
            }
            YNode existing = out.get(e.getKey());
            out.put(e.getKey(), existing == null ? clean(v) : mergeNode(existing, v, withName(path, e.getKey())));
            marks.putIfAbsent(e.getKey(), over.keyMark(e.getKey()));
        }
        return new YMap(out, marks, base.mark(), YTag.NONE);
    }

    /** The path one level down; a service's own name is kept as "*" so service attributes are recognised. */
    private static List<String> withName(List<String> path, String key) {
        List<String> next = new ArrayList<>(path);
        next.add(path.size() == 1 && path.get(0).equals("services") ? "*" : key);
        return next;
    }

    /** A value that is new in the override, with !reset/!override tags stripped inside it. */
    private static YNode clean(YNode n) {
        if (n.tag() == YTag.RESET) {
            return Nodes.nul(n.mark());
        }
        return n.withTag(YTag.NONE);
    }

    private static YSeq keyed(YSeq base, YSeq over, Function<YNode, String> keyFn) {
        LinkedHashMap<String, YNode> byKey = new LinkedHashMap<>();
        List<YNode> unkeyed = new ArrayList<>();
        for (YSeq s : List.of(base, over)) {
            for (YNode n : s.items()) {
                String k = keyFn.apply(n);
                if (k == null) {
                    unkeyed.add(n);
                } else {
                    byKey.put(k, n); // an override keeps the place of what it replaces
                }
            }
        }
        List<YNode> items = new ArrayList<>(byKey.values());
        items.addAll(unkeyed);
        return new YSeq(items, base.mark(), YTag.NONE);
    }

    private static YSeq unique(YSeq base, YSeq over) {
        LinkedHashMap<String, YNode> seen = new LinkedHashMap<>();
        for (YSeq s : List.of(base, over)) {
            for (YNode n : s.items()) {
                String k = n instanceof YScalar sc ? sc.text() : n.toString();
                seen.putIfAbsent(k, n);
            }
        }
        return new YSeq(new ArrayList<>(seen.values()), base.mark(), YTag.NONE);
    }

    /** A ulimit written as one number: the long form made of it carries the number's mark on all three nodes. */
    private static boolean writtenShort(YNode n) {
        return n instanceof YMap m && m.entries().size() == 2 && m.get("soft") instanceof YScalar soft && m.get("hard") instanceof YScalar hard
                && m.mark() != null && m.mark().equals(soft.mark()) && m.mark().equals(hard.mark());
    }

    private static String portKey(YNode n) {
        if (!(n instanceof YMap m)) {
            return null;
        }
        return field(m, "host_ip") + "|" + field(m, "target") + "|" + field(m, "published") + "|" + field(m, "protocol");
    }

    private static String field(YNode n, String key) {
        if (n instanceof YMap m && m.get(key) instanceof YScalar s && !s.isNull()) {
            return s.text();
        }
        return null;
    }
}
