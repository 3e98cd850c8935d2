package dev.jcompose.model.load.assemble;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.merge.TreeMerger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code extends} in one (interpolated, long-form, path-absolute) file: each service that
 * extends another — in the same file or in {@code file:} — becomes the base service merged with its
 * own attributes (its own win), recursively; a chain that comes back to itself is an error naming it.
 * Only the service is taken from the base: its networks, volumes and dependencies' definitions are not.
 */
public final class Extends {
    private final FileSource files;

    /** Reads other files for {@code extends.file}: interpolated, long form, paths absolute against their own directory. */
    public interface FileSource {
        YMap load(Path file);
    }

    public Extends(FileSource files) {
        this.files = files;
    }

    public YMap resolve(YMap file, Path fileName) {
        if (!(file.get("services") instanceof YMap services)) {
            return file;
        }
        Map<String, YNode> out = new LinkedHashMap<>();
        for (String name : services.entries().keySet()) {
            out.put(name, resolveService(file, fileName, name, new ArrayList<>()));
        }
        return file.with("services", new YMap(out, services.keyMarks(), services.mark(), services.tag()));
    }

    private YMap resolveService(YMap file, Path fileName, String name, List<String> chain) {
        String here = fileName + ":" + name;
        if (chain.contains(here)) {
            chain.add(here);
            dev.jcompose.model.Mark at = ((YMap) file.get("services")).get(name) instanceof YMap m && m.get("extends") != null
                    ? m.get("extends").mark() : null;
            throw new ComposeException(at, "services." + name + ".extends", "circular reference: " + String.join(" -> ",
                    chain.stream().map(c -> c.substring(c.lastIndexOf(':') + 1)).toList()));
        }
        YMap services = (YMap) file.get("services");
        YNode node = services.get(name);
        if (node == null) {
            throw new ComposeException(null, "services." + name, "cannot extend service \"" + name + "\" in " + fileName
                    + ": service not found");
        }
        YMap svc = node instanceof YScalar s && s.isNull() ? YMap.empty(s.mark()) : Nodes.asMap(node, "services." + name);
        YNode ext = svc.get("extends");
        if (ext == null) {
            return svc;
        }
        chain.add(here);
        String path = "services." + name + ".extends";
        String baseName;
        Path baseFile = fileName;
        YMap baseTree = file;
        if (ext instanceof YScalar s) {
            baseName = s.text();
        } else {
            YMap e = Nodes.asMap(ext, path);
            if (!(e.get("service") instanceof YScalar bs)) {
                throw new ComposeException(e.mark(), path, "service is required");
            }
            baseName = bs.text();
            if (e.get("file") instanceof YScalar f && !f.isNull()) {
                baseFile = Path.of(f.text());
                baseTree = files.load(baseFile);
            }
        }
        YMap baseServices = baseTree.get("services") instanceof YMap bsv ? bsv : YMap.empty(null);
        if (!baseServices.has(baseName)) {
            throw new ComposeException(ext.mark(), path, "cannot extend service \"" + baseName + "\""
                    + (baseFile.equals(fileName) ? "" : " in " + baseFile) + ": service not found");
        }
        YMap base = resolveService(baseTree, baseFile, baseName, chain);
        return TreeMerger.mergeService(base.without("extends"), svc.without("extends"));
    }
}
