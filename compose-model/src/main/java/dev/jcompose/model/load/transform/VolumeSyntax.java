package dev.jcompose.model.load.transform;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The short volume syntax {@code [SOURCE:]TARGET[:MODES]} in docker compose's long form: a source
 * that looks like a path ({@code /}, {@code .}, {@code ~}) makes a bind mount (with
 * {@code create_host_path: true}), another source a named volume, no source an anonymous volume;
 * modes {@code ro}/{@code rw}, {@code z}/{@code Z}, {@code nocopy} and the propagation modes.
 */
final class VolumeSyntax {
    private static final Set<String> PROPAGATION = Set.of("shared", "slave", "private", "rshared", "rslave", "rprivate");

    private VolumeSyntax() {
    }

    static YNode expand(String spec, Mark mark, String path) {
        String[] parts = split(spec);
        String source = null;
        String target;
        String modes = "";
        switch (parts.length) {
            case 1 -> target = parts[0];
            case 2 -> {
                if (parts[1].startsWith("/")) {
                    source = parts[0];
                    target = parts[1];
                } else {
                    target = parts[0];
                    modes = parts[1];
                }
            }
            case 3 -> {
                source = parts[0];
                target = parts[1];
                modes = parts[2];
            }
            default -> throw new ComposeException(mark, path, "invalid volume specification: \"" + spec + "\": too many colons");
        }
        if (target.isEmpty()) {
            throw new ComposeException(mark, path, "invalid volume specification: \"" + spec + "\": empty target");
        }
        boolean bind = source != null && (source.startsWith("/") || source.startsWith(".") || source.startsWith("~"));
        Map<String, YNode> e = new LinkedHashMap<>();
        e.put("type", Nodes.str(source == null ? "volume" : bind ? "bind" : "volume", mark));
        if (source != null) {
            e.put("source", Nodes.str(source, mark));
        }
        e.put("target", Nodes.str(target, mark));
        Map<String, YNode> bindOpts = new LinkedHashMap<>();
        Map<String, YNode> volumeOpts = new LinkedHashMap<>();
        for (String mode : modes.isEmpty() ? new String[0] : modes.split(",")) {
            switch (mode) {
                case "ro" -> e.put("read_only", Nodes.bool(true, mark));
                case "rw" -> {
                }
                case "z", "Z" -> bindOpts.put("selinux", Nodes.str(mode, mark));
                case "nocopy" -> volumeOpts.put("nocopy", Nodes.bool(true, mark));
                default -> {
                    if (!PROPAGATION.contains(mode)) {
                        throw new ComposeException(mark, path, "invalid volume specification: \"" + spec + "\": unknown mode \"" + mode + "\"");
                    }
                    bindOpts.put("propagation", Nodes.str(mode, mark));
                }
            }
        }
        if (bind) {
            bindOpts.put("create_host_path", Nodes.bool(true, mark));
            e.put("bind", Nodes.map(bindOpts, mark));
        }
        if (!volumeOpts.isEmpty()) {
            e.put("volume", Nodes.map(volumeOpts, mark));
        }
        return Nodes.map(e, mark);
    }

    /** Splits on ':' except the one after a Windows drive letter. */
    private static String[] split(String spec) {
        return spec.split(":", -1);
    }
}
