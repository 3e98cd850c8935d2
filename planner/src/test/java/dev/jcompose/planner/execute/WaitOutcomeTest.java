package dev.jcompose.planner.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.execute.ProjectRuntime.ContainerStatus;
import dev.jcompose.planner.execute.WaitOutcome.State;
import dev.jcompose.planner.graph.Dependency.Condition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each condition judged as docker compose's {@code waitDependencies} / {@code isServiceHealthy} judge it. */
class WaitOutcomeTest {
    private static WaitOutcome judge(Condition condition, ContainerStatus... containers) {
        return WaitOutcome.judge("web", condition, List.of(containers));
    }

    private static ContainerStatus running(String health) {
        return new ContainerStatus("p-web-1", "running", health, 0);
    }

    @Test
    void runningOrHealthyAsksAHealthCheckOnlyOfContainersThatHaveOne() {
        assertEquals(new WaitOutcome(State.MET, "Healthy"), judge(Condition.RUNNING_OR_HEALTHY, running(null)));
        assertEquals(new WaitOutcome(State.MET, "Healthy"), judge(Condition.RUNNING_OR_HEALTHY, running("healthy"), running(null)));
        assertEquals(State.WAITING, judge(Condition.RUNNING_OR_HEALTHY, running("starting")).state());
        assertEquals(State.WAITING, judge(Condition.RUNNING_OR_HEALTHY, new ContainerStatus("p-web-1", "created", null, 0)).state());
        assertEquals(new WaitOutcome(State.FAILED, "container p-web-1 is unhealthy"), judge(Condition.RUNNING_OR_HEALTHY, running("unhealthy")));
        assertEquals(new WaitOutcome(State.FAILED, "container p-web-1 exited (0)"),
                judge(Condition.RUNNING_OR_HEALTHY, new ContainerStatus("p-web-1", "exited", null, 0)));
    }

    @Test
    void serviceHealthyFailsWithoutAHealthCheckAndOnAnExitFirst() {
        assertEquals(new WaitOutcome(State.FAILED, "container p-web-1 has no healthcheck configured"), judge(Condition.HEALTHY, running(null)));
        assertEquals(new WaitOutcome(State.FAILED, "container p-web-1 exited (3)"),
                judge(Condition.HEALTHY, new ContainerStatus("p-web-1", "exited", null, 3)));
        assertEquals(new WaitOutcome(State.MET, "Healthy"), judge(Condition.HEALTHY, running("healthy")));
    }

    @Test
    void startedAndCompleted() {
        assertEquals(new WaitOutcome(State.MET, "Started"), judge(Condition.STARTED, running(null)));
        assertEquals(new WaitOutcome(State.WAITING, "no container yet"), judge(Condition.STARTED));
        assertEquals(new WaitOutcome(State.MET, "Exited"), judge(Condition.COMPLETED_SUCCESSFULLY, new ContainerStatus("p-web-1", "exited", null, 0)));
        assertEquals(new WaitOutcome(State.FAILED, "service \"web\" didn't complete successfully: exit 2"),
                judge(Condition.COMPLETED_SUCCESSFULLY, new ContainerStatus("p-web-1", "exited", null, 2)));
    }
}
