package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.dotenv.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A service's {@code label_file}s: labels read from files ({@code KEY=VALUE} lines, read as env files are, values
 * interpolated from the project environment), in order (a later file wins), under the service's own {@code labels},
 * which win over them all. The paths are already absolute ({@code RelativePaths}); a missing file is an error.
 */
final class LabelFiles {
    private LabelFiles() {
    }

    static YMap apply(YMap service, String path, Map<String, String> environment) {
        List<YScalar> files = files(service.get("label_file"), path);
        if (files.isEmpty()) {
            return service;
        }
        Map<String, YNode> labels = new TreeMap<>();
        for (YScalar f : files) {
            Path file = Path.of(f.text());
            if (!Files.isRegularFile(file)) {
                throw new ComposeException(f.mark(), path + ".label_file", "label file " + f.text() + " not found");
            }
            DotEnv.read(file, k -> Optional.ofNullable(environment.get(k))).forEach((k, v) -> labels.put(k, Nodes.str(v, f.mark())));
        }
        if (service.get("labels") instanceof YMap own) {
            labels.putAll(own.entries());
        }
        return service.with("labels", Nodes.map(labels, service.mark()));
    }

    /** {@code label_file} as a string or a list of strings. */
    static List<YScalar> files(YNode node, String path) {
        List<YScalar> out = new ArrayList<>();
        if (node instanceof YScalar one && !one.isNull()) {
            out.add(one);
        } else if (node instanceof YSeq many) {
            many.items().forEach(i -> out.add(Nodes.asScalar(i, path + ".label_file")));
        }
        return out;
    }
}
