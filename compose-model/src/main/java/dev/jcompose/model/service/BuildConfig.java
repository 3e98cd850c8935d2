package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/** How to build a service's image: context (absolute path or URL), dockerfile, args, target, tags, platforms, labels. */
public record BuildConfig(String context, String dockerfile, Map<String, String> args, String target, List<String> tags,
                          List<String> platforms, Map<String, String> labels) {
    public BuildConfig {
        args = Map.copyOf(args);
        tags = List.copyOf(tags);
        platforms = List.copyOf(platforms);
        labels = Map.copyOf(labels);
    }
}
