package dev.jcompose.planner.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.Dependency.Condition;
import dev.jcompose.planner.graph.Dependency.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeardownTest {
    private static final DesiredProject PROJECT = new DesiredProject("demo", List.of(
            new DesiredService("web", 1, "h", "img", null, List.of(new Dependency("db", Condition.HEALTHY, false, true, Kind.DEPENDS_ON))),
            new DesiredService("db", 1, "h", "img", null, List.of())), List.of("demo_default"), List.of("demo_data"));

    private static final ObservedState STATE = new ObservedState(List.of(
            new ObservedContainer("w1", "demo-web-1", "web", 1, false, "h", true),
            new ObservedContainer("d1", "demo-db-1", "db", 1, false, "h", false),
            new ObservedContainer("r1", "demo-web-run-abc", "web", 0, true, "h", true),
            new ObservedContainer("o1", "demo-old-1", "old", 1, false, "h", true)), Set.of("demo_default"), Set.of("demo_data"));

    @Test
    void removesDependentsFirstThenNetworksAndVolumesOnlyWithV() {
        Reconciliation r = Teardown.down(PROJECT, STATE, DownOptions.DEFAULT);
        assertEquals("""
                #1 stop container demo-web-1
                #2 remove container demo-web-1 after #1
                #3 stop container demo-web-run-abc
                #4 remove container demo-web-run-abc after #3
                #5 remove container demo-db-1 after #2 #4
                #6 remove network demo_default after #2 #4 #5
                """, r.plan().text());
        assertEquals(1, r.warnings().size());
        String withVolumes = Teardown.down(PROJECT, STATE, new DownOptions(true, true)).plan().text();
        assertTrue(withVolumes.contains("remove volume demo_data") && withVolumes.contains("remove container demo-old-1"), withVolumes);
    }
}
