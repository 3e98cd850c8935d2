package dev.jcompose.planner.execute;

import dev.jcompose.planner.plan.Step;
import java.util.List;

/**
 * The narrow interface the executor drives: carry out one step (the CLI implements it against the
 * engine API, tests with a fake), and report the containers of a service for the waits.
 */
public interface ProjectRuntime {

    /** Performs {@code step}; throws with a one-line message naming what failed. Never called for {@link Step.WaitFor}. */
    void apply(Step step) throws Exception;

    /** The current state of every container of {@code service}. */
    List<ContainerStatus> observe(String service) throws Exception;

    /**
     * One container as a wait sees it.
     *
     * @param state  created, running, paused, restarting, exited, dead
     * @param health starting, healthy, unhealthy, or null without a health check
     */
    record ContainerStatus(String name, String state, String health, int exitCode) {
    }
}
