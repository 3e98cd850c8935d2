package dev.jcompose.engine.cgroup;

/** The freezer state of a cgroup, as v1's {@code freezer.state} names it. */
public enum FreezerState {
    THAWED,
    FREEZING,
    FROZEN
}
