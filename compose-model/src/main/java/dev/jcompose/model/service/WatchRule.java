package dev.jcompose.model.service;

import java.util.List;

/** One {@code develop.watch} rule, kept as data: action sync, rebuild, restart, sync+restart or sync+exec. */
public record WatchRule(String path, String action, String target, List<String> ignore, List<String> include, boolean initialSync) {
    public WatchRule {
        ignore = List.copyOf(ignore);
        include = List.copyOf(include);
    }
}
