package dev.jcompose.engine.seccomp;

import java.util.List;
import java.util.Set;

/**
 * One entry of a profile's {@code syscalls}: the calls it names, its action, the argument
 * conditions (all must hold), and the capabilities that include it (all present) or exclude it
 * (any present), as Docker's profile uses {@code includes.caps} / {@code excludes.caps}.
 */
public record SeccompRule(List<String> names, SeccompAction action, List<ArgCondition> args, Set<String> includesCaps,
                          Set<String> excludesCaps) {
    public SeccompRule {
        names = List.copyOf(names);
        args = List.copyOf(args);
        includesCaps = Set.copyOf(includesCaps);
        excludesCaps = Set.copyOf(excludesCaps);
    }

    public static SeccompRule allow(String... names) {
        return new SeccompRule(List.of(names), SeccompAction.ALLOW, List.of(), Set.of(), Set.of());
    }

    public SeccompRule when(ArgCondition... conditions) {
        return new SeccompRule(names, action, List.of(conditions), includesCaps, excludesCaps);
    }

    public SeccompRule withCap(String cap) {
        return new SeccompRule(names, action, args, Set.of(cap), excludesCaps);
    }

    public SeccompRule withoutCap(String cap) {
        return new SeccompRule(names, action, args, includesCaps, Set.of(cap));
    }

    /** Whether the rule applies to a container with these capabilities (names as {@code CAP_SYS_ADMIN}). */
    public boolean appliesTo(Set<String> caps) {
        return caps.containsAll(includesCaps) && excludesCaps.stream().noneMatch(caps::contains);
    }
}
