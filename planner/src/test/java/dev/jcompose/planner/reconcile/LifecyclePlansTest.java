package dev.jcompose.planner.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.Dependency.Condition;
import dev.jcompose.planner.graph.Dependency.Kind;
import dev.jcompose.planner.graph.GraphException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden plans of start, stop and restart: dependency order, parallel where the graph allows. */
class LifecyclePlansTest {
    // db ← api (healthy, restart: true) ← web (started); cache ← api (started, no restart); worker alone
    private static final DesiredProject PROJECT = new DesiredProject("demo", List.of(
            new DesiredService("web", 2, "h", "img", null, List.of(new Dependency("api", Condition.STARTED, false, true, Kind.DEPENDS_ON))),
            new DesiredService("api", 1, "h", "img", null, List.of(new Dependency("db", Condition.HEALTHY, true, true, Kind.DEPENDS_ON),
                    new Dependency("cache", Condition.STARTED, false, true, Kind.DEPENDS_ON))),
            new DesiredService("db", 1, "h", "img", null, List.of()),
            new DesiredService("cache", 1, "h", "img", null, List.of()),
            new DesiredService("worker", 1, "h", "img", null, List.of())), List.of("demo_default"), List.of());

    private static ObservedContainer c(String service, int n, boolean running) {
        return new ObservedContainer(service + n + "0123456789ab", "demo-" + service + "-" + n, service, n, false, "h", running);
    }

    private static ObservedState state(boolean running) {
        return new ObservedState(List.of(c("web", 1, running), c("web", 2, running), c("api", 1, running), c("db", 1, running),
                c("cache", 1, running), c("worker", 1, running),
                new ObservedContainer("oneoff", "demo-web-run-1", "web", 1, true, "h", running)), Set.of("demo_default"), Set.of());
    }

    @Test
    void stopGoesDependentsFirstAndInParallelOtherwise() {
        assertEquals("""
                #1 stop container demo-worker-1
                #2 stop container demo-web-1
                #3 stop container demo-web-2
                #4 stop container demo-api-1 after #2 #3
                #5 stop container demo-cache-1 after #4
                #6 stop container demo-db-1 after #4
                """, LifecyclePlans.stop(PROJECT, state(true), Set.of()).text());
    }

    @Test
    void stopOfNamedServicesOnlyKeepsTheOrderAcrossUnnamedOnes() {
        assertEquals("""
                #1 stop container demo-web-1
                #2 stop container demo-web-2
                #3 stop container demo-db-1 after #1 #2
                """, LifecyclePlans.stop(PROJECT, state(true), Set.of("web", "db")).text());
    }

    @Test
    void startBringsDependenciesFirstWaitsOnConditionsAndSkipsRunningOnes() {
        assertEquals("""
                #1 start container demo-db-1
                #2 start container demo-cache-1
                #3 wait for db service_healthy after #1
                #4 start container demo-api-1 after #2 #3
                #5 start container demo-web-1 after #4
                #6 start container demo-web-2 after #4
                """, LifecyclePlans.start(PROJECT, state(false), Set.of("web")).text());
        assertEquals("#1 wait for db service_healthy\n", LifecyclePlans.start(PROJECT, state(true), Set.of("api")).text(),
                "nothing to start; the healthy condition is still checked as docker compose does");
    }

    @Test
    void restartTakesTheDependentsWithRestartTrueOnly() {
        assertEquals("""
                #1 restart container demo-db-1
                #2 wait for db service_healthy after #1
                #3 restart container demo-api-1 after #2
                """, LifecyclePlans.restart(PROJECT, state(true), Set.of("db"), false).text(),
                "web depends on api without restart: true, so it stays up");
        assertEquals("#1 restart container demo-db-1\n", LifecyclePlans.restart(PROJECT, state(true), Set.of("db"), true).text());
        assertEquals("#1 restart container demo-cache-1\n", LifecyclePlans.restart(PROJECT, state(true), Set.of("cache"), false).text());
    }

    @Test
    void restartOfAllRestartsStoppedContainersTooAndUnknownServicesAreErrors() {
        String all = LifecyclePlans.restart(PROJECT, state(false), Set.of(), false).text();
        assertEquals(7, all.lines().count(), all);
        assertEquals("no such service: nope", assertThrows(GraphException.class,
                () -> LifecyclePlans.stop(PROJECT, state(true), Set.of("nope"))).getMessage());
    }

    @Test
    void startCreatesNothingSoAServiceWithoutContainersIsAnErrorUnlessScaledToZero() {
        ObservedState noCache = new ObservedState(state(false).containers().stream().filter(c -> !c.service().equals("cache")).toList(),
                Set.of("demo_default"), Set.of());
        assertEquals("service \"cache\" has no container to start",
                assertThrows(GraphException.class, () -> LifecyclePlans.start(PROJECT, noCache, Set.of("web"))).getMessage());
        assertEquals("#1 start container demo-worker-1\n", LifecyclePlans.start(PROJECT, noCache, Set.of("worker")).text(),
                "a service not selected is not asked for");
        DesiredProject cacheAtZero = new DesiredProject("demo", PROJECT.services().stream()
                .map(d -> d.name().equals("cache") ? new DesiredService("cache", 0, "h", "img", null, List.of()) : d).toList(),
                List.of("demo_default"), List.of());
        assertEquals(5, LifecyclePlans.start(cacheAtZero, noCache, Set.of("web")).text().lines().count());
    }
}
