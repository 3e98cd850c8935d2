package dev.jcompose.model.load.normalize;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YSeq;
import java.util.Map;

/**
 * What normalisation gives the rest of the loader: the tree {@code config} prints, and per service name
 * the {@code env_file} entries (long form {@code {path, required, format}}, absolute paths) that the tree
 * drops once their values are in {@code environment}, kept for the typed model.
 */
public record NormalizedProject(YMap tree, Map<String, YSeq> envFiles) {
    public NormalizedProject {
        envFiles = Map.copyOf(envFiles);
    }
}
