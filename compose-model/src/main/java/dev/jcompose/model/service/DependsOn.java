package dev.jcompose.model.service;

/** One {@code depends_on} entry: condition (service_started, service_healthy, service_completed_successfully), restart, required. */
public record DependsOn(String condition, boolean restart, boolean required) {
    public DependsOn {
        if (!condition.equals("service_started") && !condition.equals("service_healthy")
                && !condition.equals("service_completed_successfully")) {
            throw new IllegalArgumentException("unknown depends_on condition " + condition);
        }
    }
}
