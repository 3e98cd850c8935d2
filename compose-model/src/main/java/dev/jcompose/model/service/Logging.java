package dev.jcompose.model.service;

import java.util.Map;

/** The log driver and its options ({@code max-size}, {@code max-file} for json-file). */
public record Logging(String driver, Map<String, String> options) {
    public Logging {
        options = Map.copyOf(options);
    }
}
