package dev.jcompose.planner.graph;

/**
 * One edge of the service graph: {@code service} needs {@code target} to be in {@code condition}
 * first. Edges from {@code links}, {@code network_mode: service:} and {@code volumes_from} are
 * {@link Condition#STARTED}, required, without restart.
 */
public record Dependency(String target, Condition condition, boolean restart, boolean required, Kind kind) {

    public enum Condition {
        STARTED("service_started"), HEALTHY("service_healthy"), COMPLETED_SUCCESSFULLY("service_completed_successfully"),
        /** Not written in compose files: what {@code up --wait} waits for (docker compose's name), healthy where there is a health check, else running. */
        RUNNING_OR_HEALTHY("running_or_healthy");

        public final String composeName;

        Condition(String composeName) {
            this.composeName = composeName;
        }

        /** The condition a compose file or depends_on label names; anything else is service_started, compose's default. */
        public static Condition of(String composeName) {
            for (Condition c : values()) {
                if (c.composeName.equals(composeName)) {
                    return c;
                }
            }
            return STARTED;
        }
    }

    /** Where the edge comes from, for error messages and for what a recreated parent implies. */
    public enum Kind {
        DEPENDS_ON, LINK, NETWORK_MODE, VOLUMES_FROM
    }

    public static Dependency implicit(String target, Kind kind) {
        return new Dependency(target, Condition.STARTED, false, true, kind);
    }
}
