package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/**
 * A service's {@code provider}: the external component ({@code type}) that manages it instead of
 * Compose, with its options; each option holds a list of strings, as an option may be repeated
 * (compose-go's {@code MultiOptions}).
 */
public record ServiceProvider(String type, Map<String, List<String>> options) {
    public ServiceProvider {
        java.util.Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        options.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        options = java.util.Collections.unmodifiableMap(copy);
    }
}
