package dev.jcompose.model.load.assemble;

import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the relative paths of a (long-form) compose tree absolute against a directory: build
 * contexts, bind-mount sources, env_file paths, label_file, and the {@code file} of top-level secrets
 * and configs. {@code ~} is the user's home. Used for files that live elsewhere than the project
 * directory (extends, include) and by the normaliser for the project itself.
 */
public final class RelativePaths {
    private final Path dir;
    private final Path home;

    public RelativePaths(Path dir, Path home) {
        this.dir = dir;
        this.home = home;
    }

    public String resolve(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return home.resolve(p.equals("~") ? "" : p.substring(2)).normalize().toString();
        }
        return dir.resolve(p).normalize().toString();
    }

    public YMap file(YMap file) {
        YMap out = file;
        if (file.get("services") instanceof YMap services) {
            Map<String, YNode> s = new LinkedHashMap<>();
            services.entries().forEach((k, v) -> s.put(k, v instanceof YMap m ? service(m) : v));
            out = out.with("services", new YMap(s, services.keyMarks(), services.mark(), services.tag()));
        }
        for (String top : List.of("secrets", "configs")) {
            if (file.get(top) instanceof YMap objects) {
                Map<String, YNode> s = new LinkedHashMap<>();
                objects.entries().forEach((k, v) -> s.put(k, v instanceof YMap m && m.get("file") instanceof YScalar f && !f.isNull()
                        ? m.with("file", Nodes.str(resolve(f.text()), f.mark())) : v));
                out = out.with(top, new YMap(s, objects.keyMarks(), objects.mark(), objects.tag()));
            }
        }
        return out;
    }

    public YMap service(YMap s) {
        YMap out = s;
        if (s.get("build") instanceof YMap b && b.get("context") instanceof YScalar c && !c.isNull() && !isRemote(c.text())) {
            out = out.with("build", b.with("context", Nodes.str(resolve(c.text()), c.mark())));
        }
        if (s.get("volumes") instanceof YSeq vols) {
            List<YNode> items = new ArrayList<>();
            for (YNode v : vols.items()) {
                if (v instanceof YMap m && "bind".equals(text(m, "type")) && m.get("source") instanceof YScalar src) {
                    items.add(m.with("source", Nodes.str(resolve(src.text()), src.mark())));
                } else {
                    items.add(v);
                }
            }
            out = out.with("volumes", new YSeq(items, vols.mark(), vols.tag()));
        }
        if (s.get("env_file") instanceof YSeq files) {
            List<YNode> items = new ArrayList<>();
            for (YNode f : files.items()) {
                items.add(f instanceof YMap m && m.get("path") instanceof YScalar p
                        ? m.with("path", Nodes.str(resolve(p.text()), p.mark())) : f);
            }
            out = out.with("env_file", new YSeq(items, files.mark(), files.tag()));
        }
        if (s.get("label_file") instanceof YScalar one && !one.isNull()) {
            out = out.with("label_file", Nodes.str(resolve(one.text()), one.mark()));
        } else if (s.get("label_file") instanceof YSeq files) {
            List<YNode> items = new ArrayList<>();
            for (YNode f : files.items()) {
                items.add(f instanceof YScalar p && !p.isNull() ? Nodes.str(resolve(p.text()), p.mark()) : f);
            }
            out = out.with("label_file", new YSeq(items, files.mark(), files.tag()));
        }
        if (s.get("extends") instanceof YMap ext && ext.get("file") instanceof YScalar f && !f.isNull()) {
            out = out.with("extends", ext.with("file", Nodes.str(resolve(f.text()), f.mark())));
        }
        return out;
    }

    private static boolean isRemote(String context) {
        return context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/");
    }

    private static String text(YMap m, String key) {
        return m.get(key) instanceof YScalar s && !s.isNull() ? s.text() : null;
    }
}
