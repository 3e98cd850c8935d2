package dev.jcompose.engine.seccomp;

import java.util.List;

/** A seccomp profile: the action for calls no rule names, and the rules in order. */
public record SeccompProfile(SeccompAction defaultAction, List<SeccompRule> rules) {
    public SeccompProfile {
        rules = List.copyOf(rules);
    }
}
