package dev.jcompose.model.load.transform;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites one file's services from every short syntax into the long form docker compose merges
 * and prints: ports, volumes, environment/labels/annotations/sysctls (to mappings), depends_on,
 * networks, secrets/configs, build, command/entrypoint (shell-split), healthcheck.test, ulimits,
 * extra_hosts ({@code host=ip} list), single strings of dns/dns_search/tmpfs/env_file (to lists),
 * env_file entries ({@code {path, required}}), expose (strings), devices, and the command (shell-split) and
 * environment (a mapping) of pre_start/post_start/pre_stop hooks, {@code gpus: all} (one request with
 * {@code count: all}), provider options (lists of strings), service {@code models} (a list of names to a
 * mapping of names to null). Values already in long
 * form pass through. Run per file, after interpolation and before merging.
 */
public final class ShortSyntax {
    private ShortSyntax() {
    }

    public static YMap expand(YMap file) {
        file = definitionLabels(file);
        if (!(file.get("services") instanceof YMap services)) {
            return file;
        }
        Map<String, YNode> out = new LinkedHashMap<>();
        for (var e : services.entries().entrySet()) {
            String path = "services." + e.getKey();
            YNode svc = e.getValue();
            if (svc instanceof YScalar s && s.isNull()) {
                svc = YMap.empty(s.mark());
            }
            out.put(e.getKey(), service(Nodes.asMap(svc, path), path));
        }
        return file.with("services", new YMap(out, services.keyMarks(), services.mark(), services.tag()));
    }

    /** {@code labels} of top-level networks, volumes, secrets and configs, written as a list, become a mapping. */
    private static YMap definitionLabels(YMap file) {
        YMap out = file;
        for (String top : List.of("networks", "volumes", "secrets", "configs")) {
            if (!(out.get(top) instanceof YMap defs)) {
                continue;
            }
            YMap changed = defs;
            for (var e : defs.entries().entrySet()) {
                if (e.getValue() instanceof YMap def && def.get("labels") instanceof YSeq labels) {
                    YNode map = KeyValues.toMap(labels, top + "." + e.getKey() + ".labels", false).withTag(labels.tag());
                    changed = changed.with(e.getKey(), def.with("labels", map));
                }
            }
            out = out.with(top, changed);
        }
        return out;
    }

    static YMap service(YMap s, String path) {
        YMap r = s;
        for (String key : s.entries().keySet()) {
            YNode v = s.get(key);
            String p = path + "." + key;
            if (v instanceof YScalar sc && sc.isNull() && !key.equals("command") && !key.equals("entrypoint")) {
                continue;
            }
            YNode n = switch (key) {
                case "ports" -> eachExpanding(v, p, (item, ip) -> item instanceof YMap m ? List.of(PortSyntax.longForm(m, ip))
                        : PortSyntax.expand(Nodes.asScalar(item, ip).text(), item.mark(), ip));
                case "volumes" -> each(v, p, (item, ip) -> item instanceof YMap ? item
                        : VolumeSyntax.expand(Nodes.asScalar(item, ip).text(), item.mark(), ip));
                case "environment", "labels", "annotations", "sysctls" -> KeyValues.toMap(v, p, key.equals("environment"));
                case "depends_on" -> dependsOn(v, p);
                case "networks" -> v instanceof YSeq seq ? listToNullMap(seq, p) : v;
                case "secrets", "configs" -> each(v, p, (item, ip) -> item instanceof YMap ? item
                        : Nodes.map(Map.of("source", Nodes.str(Nodes.asScalar(item, ip).text(), item.mark())), item.mark()));
                case "build" -> v instanceof YScalar b ? Nodes.map(Map.of("context", Nodes.str(b.text(), b.mark())), b.mark()) : build(Nodes.asMap(v, p), p);
                case "command", "entrypoint" -> command(v, p);
                case "healthcheck" -> healthcheck(Nodes.asMap(v, p), p);
                case "deploy" -> v instanceof YMap d && d.get("labels") instanceof YSeq labels
                        ? d.with("labels", KeyValues.toMap(labels, p + ".labels", false).withTag(labels.tag())) : v;
                case "ulimits" -> ulimits(Nodes.asMap(v, p), p);
                case "extra_hosts" -> extraHosts(v, p);
                case "dns", "dns_search", "tmpfs" -> v instanceof YScalar one ? Nodes.seq(List.of(one), one.mark()) : v;
                case "env_file" -> envFiles(v, p);
                case "expose" -> each(v, p, (item, ip) -> Nodes.str(Nodes.asScalar(item, ip).text(), item.mark()));
                case "devices" -> each(v, p, (item, ip) -> item instanceof YMap ? item : device(Nodes.asScalar(item, ip), ip));
                case "models" -> v instanceof YSeq seq ? listToNullMap(seq, p) : v;
                case "gpus" -> v instanceof YScalar all ? Nodes.seq(List.of(Nodes.map(Map.of("count", Nodes.str(all.text(), all.mark())),
                        all.mark())), all.mark()) : v;
                case "provider" -> provider(Nodes.asMap(v, p), p);
                case "pre_start", "post_start", "pre_stop" -> each(v, p, (item, ip) -> hook(Nodes.asMap(item, ip), ip));
                default -> v;
            };
            if (n != v) {
                r = r.with(key, n.withTag(v.tag()));
            }
        }
        return r;
    }

    interface ItemFn {
        YNode apply(YNode item, String path);
    }

    interface ExpandFn {
        List<YNode> apply(YNode item, String path);
    }

    private static YNode each(YNode v, String p, ItemFn fn) {
        YSeq seq = Nodes.asSeq(v, p);
        List<YNode> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.add(fn.apply(seq.items().get(i), p + "[" + i + "]"));
        }
        return new YSeq(out, seq.mark(), seq.tag());
    }

    private static YNode eachExpanding(YNode v, String p, ExpandFn fn) {
        YSeq seq = Nodes.asSeq(v, p);
        List<YNode> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.addAll(fn.apply(seq.items().get(i), p + "[" + i + "]"));
        }
        return new YSeq(out, seq.mark(), seq.tag());
    }

    private static YMap listToNullMap(YSeq seq, String p) {
        Map<String, YNode> m = new LinkedHashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YScalar s = Nodes.asScalar(seq.items().get(i), p + "[" + i + "]");
            m.put(s.text(), Nodes.nul(s.mark()));
        }
        return new YMap(m, keyMarksOf(seq), seq.mark(), seq.tag());
    }

    private static Map<String, Mark> keyMarksOf(YSeq seq) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        seq.items().forEach(n -> marks.put(((YScalar) n).text(), n.mark()));
        return marks;
    }

    private static YNode dependsOn(YNode v, String p) {
        if (v instanceof YSeq seq) {
            Map<String, YNode> m = new LinkedHashMap<>();
            for (int i = 0; i < seq.items().size(); i++) {
                YScalar s = Nodes.asScalar(seq.items().get(i), p + "[" + i + "]");
                m.put(s.text(), Nodes.map(Map.of("condition", Nodes.str("service_started", s.mark()),
                        "required", Nodes.bool(true, s.mark())), s.mark()));
            }
            return Nodes.map(m, seq.mark());
        }
        YMap map = Nodes.asMap(v, p);
        YMap out = map;
        for (var e : map.entries().entrySet()) {
            YMap dep = e.getValue() instanceof YScalar s && s.isNull() ? YMap.empty(s.mark()) : Nodes.asMap(e.getValue(), p + "." + e.getKey());
            if (!dep.has("condition")) {
                dep = dep.with("condition", Nodes.str("service_started", dep.mark()));
            }
            if (!dep.has("required")) {
                dep = dep.with("required", Nodes.bool(true, dep.mark()));
            }
            out = out.with(e.getKey(), dep);
        }
        return out;
    }

    private static YNode command(YNode v, String p) {
        if (!(v instanceof YScalar s) || s.isNull()) {
            return v;
        }
        List<String> words = ShellWords.split(s.text());
        if (words == null) {
            throw new ComposeException(s.mark(), p, "invalid command line \"" + s.text() + "\": unterminated quote");
        }
        return Nodes.seq(words.stream().map(w -> (YNode) Nodes.str(w, s.mark())).toList(), s.mark());
    }

    /** {@code provider.options}: every value a list of strings (a single value becomes a one-item list). */
    private static YNode provider(YMap provider, String p) {
        if (!(provider.get("options") instanceof YMap options)) {
            return provider;
        }
        YMap out = options;
        for (var e : options.entries().entrySet()) {
            YNode v = e.getValue();
            List<YNode> items = new ArrayList<>();
            for (YNode item : v instanceof YSeq seq ? seq.items() : List.of(v)) {
                YScalar s = Nodes.asScalar(item, p + ".options." + e.getKey());
                items.add(s.isNull() ? s : YScalar.string(s.text(), s.mark()));
            }
            out = out.with(e.getKey(), Nodes.seq(items, v.mark()));
        }
        return provider.with("options", out);
    }

    /** A lifecycle hook: its command shell-split, its environment a mapping. */
    private static YNode hook(YMap h, String p) {
        YMap out = h;
        if (h.get("command") != null) {
            out = out.with("command", command(h.get("command"), p + ".command"));
        }
        if (h.get("environment") != null && !(h.get("environment") instanceof YScalar e && e.isNull())) {
            out = out.with("environment", KeyValues.toMap(h.get("environment"), p + ".environment", true));
        }
        return out;
    }

    private static YNode build(YMap b, String p) {
        YMap out = b;
        for (String k : List.of("args", "labels")) {
            if (b.get(k) != null && !(b.get(k) instanceof YScalar s && s.isNull())) {
                out = out.with(k, KeyValues.toMap(b.get(k), p + "." + k, false));
            }
        }
        return out;
    }

    private static YNode healthcheck(YMap h, String p) {
        if (h.get("test") instanceof YScalar t && !t.isNull()) {
            return h.with("test", Nodes.seq(List.of(Nodes.str("CMD-SHELL", t.mark()), Nodes.str(t.text(), t.mark())), t.mark()));
        }
        return h;
    }

    private static YNode ulimits(YMap u, String p) {
        YMap out = u;
        for (var e : u.entries().entrySet()) {
            if (e.getValue() instanceof YScalar s) {
                long n;
                try {
                    n = Long.parseLong(s.text());
                } catch (NumberFormatException ex) {
                    throw new ComposeException(s.mark(), p + "." + e.getKey(), "must be a number or {soft, hard}, not \"" + s.text() + "\"");
                }
                out = out.with(e.getKey(), Nodes.map(Map.of("soft", Nodes.num(n, s.mark()), "hard", Nodes.num(n, s.mark())), s.mark()));
            }
        }
        return out;
    }

    private static YNode extraHosts(YNode v, String p) {
        List<YNode> out = new ArrayList<>();
        if (v instanceof YMap m) {
            for (var e : m.entries().entrySet()) {
                YNode val = e.getValue();
                List<YNode> ips = val instanceof YSeq seq ? seq.items() : List.of(val);
                for (YNode ip : ips) {
                    out.add(Nodes.str(e.getKey() + "=" + Nodes.asScalar(ip, p + "." + e.getKey()).text(), ip.mark()));
                }
            }
            return Nodes.seq(out, m.mark());
        }
        YSeq seq = Nodes.asSeq(v, p);
        for (int i = 0; i < seq.items().size(); i++) {
            YScalar s = Nodes.asScalar(seq.items().get(i), p + "[" + i + "]");
            String t = s.text();
            int eq = t.indexOf('=');
            int colon = t.indexOf(':');
            if (eq < 0 && colon < 0) {
                throw new ComposeException(s.mark(), p + "[" + i + "]", "invalid extra host \"" + t + "\": expected host=ip or host:ip");
            }
            String host = eq >= 0 ? t.substring(0, eq) : t.substring(0, colon);
            String ip = eq >= 0 ? t.substring(eq + 1) : t.substring(colon + 1);
            out.add(Nodes.str(host + "=" + ip, s.mark()));
        }
        return new YSeq(out, seq.mark(), seq.tag());
    }

    private static YNode envFiles(YNode v, String p) {
        YSeq seq = v instanceof YScalar one ? Nodes.seq(List.of(one), one.mark()) : Nodes.asSeq(v, p);
        List<YNode> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            if (item instanceof YMap m) {
                out.add(m.has("required") ? m : m.with("required", Nodes.bool(true, m.mark())));
            } else {
                YScalar s = Nodes.asScalar(item, p + "[" + i + "]");
                out.add(Nodes.map(Map.of("path", Nodes.str(s.text(), s.mark()), "required", Nodes.bool(true, s.mark())), s.mark()));
            }
        }
        return new YSeq(out, seq.mark(), seq.tag());
    }

    private static YNode device(YScalar s, String p) {
        String[] parts = s.text().split(":");
        if (parts.length > 3) {
            throw new ComposeException(s.mark(), p, "invalid device \"" + s.text() + "\": too many colons");
        }
        Map<String, YNode> m = new LinkedHashMap<>();
        m.put("source", Nodes.str(parts[0], s.mark()));
        m.put("target", Nodes.str(parts.length > 1 ? parts[1] : parts[0], s.mark()));
        m.put("permissions", Nodes.str(parts.length > 2 ? parts[2] : "rwm", s.mark()));
        return Nodes.map(m, s.mark());
    }
}
