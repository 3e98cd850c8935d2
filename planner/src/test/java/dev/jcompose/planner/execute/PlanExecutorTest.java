package dev.jcompose.planner.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.execute.ProjectRuntime.ContainerStatus;
import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.Dependency.Condition;
import dev.jcompose.planner.graph.Dependency.Kind;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import dev.jcompose.planner.reconcile.DesiredProject;
import dev.jcompose.planner.reconcile.DesiredService;
import dev.jcompose.planner.reconcile.ObservedState;
import dev.jcompose.planner.reconcile.Reconciler;
import dev.jcompose.planner.reconcile.UpOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The executor against a fake runtime: ordering, parallelism, waits, fail-fast. */
class PlanExecutorTest {

    /** Records steps; containers become healthy after a number of observations. */
    static final class FakeRuntime implements ProjectRuntime {
        final List<String> applied = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicInteger> observations = new ConcurrentHashMap<>();
        final Map<String, List<ContainerStatus>> script = new ConcurrentHashMap<>();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        volatile String failOn;

        @Override
        public void apply(Step step) throws Exception {
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(20);
                if (step.text().equals(failOn)) {
                    throw new IllegalStateException(step.text() + ": boom");
                }
                applied.add(step.text());
            } finally {
                concurrent.decrementAndGet();
            }
        }

        @Override
        public List<ContainerStatus> observe(String service) {
            List<ContainerStatus> states = script.get(service);
            int n = observations.computeIfAbsent(service, k -> new AtomicInteger()).getAndIncrement();
            return List.of(states.get(Math.min(n, states.size() - 1)));
        }
    }

    private static final DesiredProject PROJECT = new DesiredProject("demo", List.of(
            new DesiredService("web", 3, "h", "img", null, List.of(new Dependency("db", Condition.HEALTHY, false, true, Kind.DEPENDS_ON))),
            new DesiredService("db", 1, "h", "img", null, List.of())), List.of("demo_default"), List.of());

    @Test
    void runsInDependencyOrderAndInParallelWhereAllowed() throws Exception {
        FakeRuntime rt = new FakeRuntime();
        rt.script.put("db", List.of(new ContainerStatus("demo-db-1", "running", "starting", 0),
                new ContainerStatus("demo-db-1", "running", "healthy", 0)));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Plan plan = Reconciler.up(PROJECT, ObservedState.EMPTY, UpOptions.DEFAULT).plan();
        var result = new PlanExecutor(rt, 4, Duration.ofMillis(5), Duration.ofSeconds(5),
                (res, status, detail, done) -> events.add(res + " " + status)).execute(plan);
        assertTrue(result.ok(), result.errors().toString());
        assertTrue(rt.applied.indexOf("start container demo-db-1") < rt.applied.indexOf("create container demo-web-1"));
        assertEquals(9, rt.applied.size(), "network, db create+start, three web create+start");
        assertTrue(rt.maxConcurrent.get() >= 2, "the three web replicas are created in parallel");
        assertTrue(events.contains("Container demo-db-1 Waiting") && events.contains("Container demo-db-1 Healthy"), events.toString());
        assertTrue(events.contains("Network demo_default Created"), events.toString());
    }

    @Test
    void anUnhealthyDependencyFailsFastAndNothingAfterItRuns() throws Exception {
        FakeRuntime rt = new FakeRuntime();
        rt.script.put("db", List.of(new ContainerStatus("demo-db-1", "running", "unhealthy", 0)));
        var result = new PlanExecutor(rt, 4, Duration.ofMillis(5), null, ProgressListener.NONE)
                .execute(Reconciler.up(PROJECT, ObservedState.EMPTY, UpOptions.DEFAULT).plan());
        assertEquals(List.of("dependency failed to start: container demo-db-1 is unhealthy"), result.errors());
        assertTrue(rt.applied.stream().noneMatch(s -> s.contains("web")), rt.applied.toString());
        assertEquals(6, result.skipped());
    }

    @Test
    void aFailingStepStopsTheRestAndAWaitTimesOut() throws Exception {
        FakeRuntime rt = new FakeRuntime();
        rt.failOn = "create network demo_default";
        var result = new PlanExecutor(rt, 1, Duration.ofMillis(5), null, ProgressListener.NONE)
                .execute(Reconciler.up(PROJECT, ObservedState.EMPTY, UpOptions.DEFAULT).plan());
        assertEquals(List.of("create network demo_default: boom"), result.errors());
        assertTrue(rt.applied.isEmpty());

        FakeRuntime slow = new FakeRuntime();
        slow.script.put("db", List.of(new ContainerStatus("demo-db-1", "running", "starting", 0)));
        Plan.Builder b = new Plan.Builder();
        b.add(new Step.WaitFor("db", Condition.HEALTHY, true), Set.of());
        var timeout = new PlanExecutor(slow, 1, Duration.ofMillis(5), Duration.ofMillis(50), ProgressListener.NONE).execute(b.build());
        assertEquals(List.of("timed out waiting for service \"db\" to be healthy (demo-db-1 is starting)"), timeout.errors());
    }

    @Test
    void completedSuccessfullyAndOptionalDependencies() throws Exception {
        FakeRuntime rt = new FakeRuntime();
        rt.script.put("init", List.of(new ContainerStatus("demo-init-1", "running", null, 0),
                new ContainerStatus("demo-init-1", "exited", null, 2)));
        Plan.Builder b = new Plan.Builder();
        b.add(new Step.WaitFor("init", Condition.COMPLETED_SUCCESSFULLY, false), Set.of());
        assertTrue(new PlanExecutor(rt, 1, Duration.ofMillis(5), null, ProgressListener.NONE).execute(b.build()).ok(),
                "a failed optional dependency is a warning");
        rt.observations.clear();
        Plan.Builder required = new Plan.Builder();
        required.add(new Step.WaitFor("init", Condition.COMPLETED_SUCCESSFULLY, true), Set.of());
        assertEquals(List.of("dependency failed to start: service \"init\" didn't complete successfully: exit 2"),
                new PlanExecutor(rt, 1, Duration.ofMillis(5), null, ProgressListener.NONE).execute(required.build()).errors());
    }
}
