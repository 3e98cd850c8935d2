package dev.jcompose.model;

import java.util.Map;

/** A top-level volume: engine name, driver and options, external, labels. */
public record VolumeConfig(String key, String name, String driver, Map<String, String> driverOpts, boolean external,
                           Map<String, String> labels) {
    public VolumeConfig {
        driverOpts = Map.copyOf(driverOpts);
        labels = Map.copyOf(labels);
    }
}
