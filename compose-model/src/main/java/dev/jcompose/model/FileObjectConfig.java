package dev.jcompose.model;

import java.util.Map;

/** A top-level secret or config: its source (file path, environment variable, or inline content), name, external, labels,
 * and the secret/template drivers (null when not set). */
public record FileObjectConfig(String key, String name, String file, String environment, String content, boolean external,
                               Map<String, String> labels, String driver, String templateDriver) {
    public FileObjectConfig {
        labels = Map.copyOf(labels);
    }
}
