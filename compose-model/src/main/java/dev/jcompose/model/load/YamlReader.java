package dev.jcompose.model.load;

import dev.jcompose.model.Mark;
import dev.jcompose.model.ComposeException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML text into {@link YNode} trees with snakeyaml-engine's node API, keeping every value's
 * file, line and column. Resolves aliases (refusing recursive ones) and {@code <<} merge keys, keeps
 * {@code !reset}/{@code !override} as tags, and rejects duplicate keys as docker compose does.
 */
public final class YamlReader {
    private static final int MAX_DEPTH = 500;
    private static final int MAX_NODES = 2_000_000;

    private final String fileName;
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    private int nodes;

    private YamlReader(String fileName) {
        this.fileName = fileName;
    }

    /** Every document of {@code text}, in order; an empty file has none. */
    public static List<YNode> readAll(String fileName, String text) {
        YamlReader r = new YamlReader(fileName);
        List<YNode> docs = new ArrayList<>();
        try {
            Compose compose = new Compose(settings(fileName));
            for (Node n : compose.composeAllFromReader(new StringReader(stripBom(text)))) {
                if (n != null) {
                    docs.add(r.convert(n, 0, ""));
                }
            }
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark)
                    .map(pm -> new Mark(fileName, pm.getLine() + 1, pm.getColumn() + 1)).orElse(Mark.none(fileName));
            throw new ComposeException(m, null, "invalid YAML: " + oneLine(e.getProblem() == null ? e.getMessage() : e.getProblem()), e);
        } catch (YamlEngineException e) {
            throw new ComposeException(Mark.none(fileName), null, "invalid YAML: " + oneLine(e.getMessage()), e);
        }
        return docs;
    }

    /** The single document of {@code text}, if it has one. */
    public static Optional<YNode> read(String fileName, String text) {
        List<YNode> all = readAll(fileName, text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static LoadSettings settings(String fileName) {
        return LoadSettings.builder()
                .setLabel(fileName)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // checked here, with the key's mark
                .setMaxAliasesForCollections(10_000)
                .setAllowRecursiveKeys(false)
                .setUseMarks(true)
                .build();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    private Mark markOf(Node n) {
        return n.getStartMark().map(m -> new Mark(fileName, m.getLine() + 1, m.getColumn() + 1)).orElse(Mark.none(fileName));
    }

    private YNode convert(Node n, int depth, String path) {
        if (depth > MAX_DEPTH) {
            throw new ComposeException(markOf(n), path, "YAML nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        if (++nodes > MAX_NODES) {
            throw new ComposeException(markOf(n), path, "YAML expands to too many values (more than " + MAX_NODES + "); check anchors and aliases");
        }
        if (inProgress.containsKey(n)) {
            throw new ComposeException(markOf(n), path, "recursive YAML alias: a value refers to itself");
        }
        inProgress.put(n, Boolean.TRUE);
        try {
            YTag tag = tagOf(n.getTag());
            if (n instanceof ScalarNode s) {
                return scalar(s, tag);
            }
            if (n instanceof SequenceNode s) {
                List<YNode> items = new ArrayList<>();
                int i = 0;
                for (Node item : s.getValue()) {
                    items.add(convert(item, depth + 1, path + "[" + i++ + "]"));
                }
                return new YSeq(items, markOf(n), tag);
            }
            return mapping((MappingNode) n, tag, depth, path);
        } finally {
            inProgress.remove(n);
        }
    }

    private YScalar scalar(ScalarNode s, YTag tag) {
        Mark mark = markOf(s);
        String text = s.getValue();
        YScalar.Kind kind;
        if (!s.isPlain()) {
            kind = YScalar.Kind.STRING;
        } else if (s.getTag().equals(Tag.NULL)) {
            kind = YScalar.Kind.NULL;
        } else if (s.getTag().equals(Tag.BOOL)) {
            kind = YScalar.Kind.BOOL;
        } else if (s.getTag().equals(Tag.INT)) {
            kind = YScalar.Kind.INT;
        } else if (s.getTag().equals(Tag.FLOAT)) {
            kind = YScalar.Kind.FLOAT;
        } else if (s.getTag().equals(Tag.STR)) {
            kind = YScalar.Kind.STRING;
        } else {
            kind = dev.jcompose.model.load.CoreSchema.kindOf(text); // custom tag such as !reset: resolve as plain
        }
        return new YScalar(text, kind, mark, tag, s.isPlain());
    }

    private YMap mapping(MappingNode m, YTag tag, int depth, String path) {
        LinkedHashMap<String, YNode> entries = new LinkedHashMap<>();
        LinkedHashMap<String, Mark> keyMarks = new LinkedHashMap<>();
        List<YMap> merged = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                throw new ComposeException(markOf(k), path, "mapping keys must be strings, not a " + (k instanceof SequenceNode ? "sequence" : "mapping"));
            }
            String key = ks.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (ks.isPlain() && key.equals("<<")) {
                merged.addAll(mergeSources(t.getValueNode(), depth, childPath));
                continue;
            }
            if (entries.containsKey(key)) {
                throw new ComposeException(markOf(k), childPath, "duplicate key \"" + key + "\" (first at line " + keyMarks.get(key).line() + ")");
            }
            keyMarks.put(key, markOf(k));
            entries.put(key, convert(t.getValueNode(), depth + 1, childPath));
        }
        // YAML merge keys: explicit keys win; among merged maps, the earlier one wins.
        for (YMap src : merged) {
            for (Map.Entry<String, YNode> e : src.entries().entrySet()) {
                if (!entries.containsKey(e.getKey())) {
                    entries.put(e.getKey(), e.getValue());
                    keyMarks.put(e.getKey(), src.keyMark(e.getKey()));
                }
            }
        }
        return new YMap(entries, keyMarks, markOf(m), tag);
    }

    private List<YMap> mergeSources(Node v, int depth, String path) {
        List<YMap> out = new ArrayList<>();
        if (v instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                out.add(mergeSource(item, depth, path));
            }
        } else {
            out.add(mergeSource(v, depth, path));
        }
        return out;
    }

    private YMap mergeSource(Node v, int depth, String path) {
        YNode n = convert(v, depth + 1, path);
        if (n instanceof YMap map) {
            return map;
        }
        throw new ComposeException(n.mark(), path, "a merge key (<<) needs a mapping or a list of mappings, not a " + n.kindName());
    }

    private static YTag tagOf(Tag t) {
        return switch (t.getValue()) {
            case "!reset" -> YTag.RESET;
            case "!override" -> YTag.OVERRIDE;
            default -> YTag.NONE;
        };
    }
}
