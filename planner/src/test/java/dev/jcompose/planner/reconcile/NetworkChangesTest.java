package dev.jcompose.planner.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.Dependency.Condition;
import dev.jcompose.planner.graph.Dependency.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden plans for a network whose definition changed (its config hash differs from the engine network's label). */
class NetworkChangesTest {
    private static final DesiredService DB = new DesiredService("db", 1, "h-db", "mariadb", null, List.of());
    private static final DesiredService WEB = new DesiredService("web", 2, "h-web", "nginx", null,
            List.of(new Dependency("db", Condition.STARTED, false, true, Kind.DEPENDS_ON)));
    private static final DesiredService TOOL = new DesiredService("tool", 1, "h-tool", "busybox", null, List.of());

    private static DesiredProject project(String backHash) {
        return new DesiredProject("demo", List.of(WEB, DB, TOOL), List.of("demo_front", "demo_back"), List.of(),
                List.of(new DesiredNetwork("demo_front", "f1", List.of("web")), new DesiredNetwork("demo_back", backHash, List.of("web", "db"))));
    }

    private static ObservedContainer container(String service, int n, String hash, boolean running) {
        return new ObservedContainer(service + n + "0123456789abcdef", "demo-" + service + "-" + n, service, n, false, hash, running);
    }

    private static final List<ObservedContainer> UP = List.of(container("db", 1, "h-db", true), container("web", 1, "h-web", true),
            container("web", 2, "h-web", true), container("tool", 1, "h-tool", true));

    /** demo_back recreated with the three containers attached to it stopped, moved across and not yet started. */
    private static final String BACK_MOVED = """
                #1 stop container demo-db-1
                #2 disconnect container demo-db-1 from network demo_back after #1
                #3 stop container demo-web-1
                #4 disconnect container demo-web-1 from network demo_back after #3
                #5 stop container demo-web-2
                #6 disconnect container demo-web-2 from network demo_back after #5
                #7 remove network demo_back after #2 #4 #6
                #8 create network demo_back after #7
                #9 connect container demo-db-1 to network demo_back after #8
                #10 connect container demo-web-1 to network demo_back after #8
                #11 connect container demo-web-2 to network demo_back after #8
                """;

    @Test
    void aChangedNetworkIsRecreatedAndItsContainersStoppedDisconnectedReconnectedAndStartedNotRecreated() {
        ObservedState state = new ObservedState(UP, Set.of("demo_front", "demo_back"), Set.of(), Map.of("demo_front", "f1", "demo_back", "b1"), Map.of());
        assertEquals(BACK_MOVED + """
                #12 start container demo-db-1 after #8 #9
                #13 start container demo-web-1 after #8 #10 #12
                #14 start container demo-web-2 after #8 #11 #12
                """, Reconciler.up(project("b2"), state, UpOptions.DEFAULT).plan().text());
    }

    @Test
    void anUnchangedOrUnlabelledNetworkIsLeftAlone() {
        ObservedState same = new ObservedState(UP, Set.of("demo_front", "demo_back"), Set.of(), Map.of("demo_front", "f1", "demo_back", "b1"), Map.of());
        assertEquals("", Reconciler.up(project("b1"), same, UpOptions.DEFAULT).plan().text());
        ObservedState unlabelled = new ObservedState(UP, Set.of("demo_front", "demo_back"), Set.of(), Map.of("demo_front", "f1"), Map.of());
        assertEquals("", Reconciler.up(project("b2"), unlabelled, UpOptions.DEFAULT).plan().text());
    }

    @Test
    void aContainerAlsoChangedIsReplacedAfterItsReconnectionAndAStoppedOneIsOnlyMovedAndStarted() {
        List<ObservedContainer> containers = List.of(container("db", 1, "old", true), container("web", 1, "h-web", false),
                container("web", 2, "h-web", true), container("tool", 1, "h-tool", true));
        ObservedState state = new ObservedState(containers, Set.of("demo_front", "demo_back"), Set.of(),
                Map.of("demo_front", "f0", "demo_back", "b1"), Map.of());
        assertEquals("""
                #1 disconnect container demo-web-1 from network demo_front
                #2 stop container demo-web-2
                #3 disconnect container demo-web-2 from network demo_front after #2
                #4 remove network demo_front after #1 #3
                #5 create network demo_front after #4
                #6 connect container demo-web-1 to network demo_front after #5
                #7 connect container demo-web-2 to network demo_front after #5
                #8 stop container demo-db-1
                #9 rename container demo-db-1 to db1012345678_demo-db-1 after #8
                #10 create container demo-db-1 replacing db1012345678 after #5 #9
                #11 start container demo-db-1 after #10
                #12 remove container db1012345678_demo-db-1 after #11
                #13 start container demo-web-1 after #5 #6 #11
                #14 start container demo-web-2 after #5 #7 #11
                """, Reconciler.up(project("b1"), state, UpOptions.DEFAULT).plan().text());
    }

    @Test
    void aRunningContainerOfAServiceLeftOutOfThisUpIsStartedAgainAfterItsReconnection() {
        ObservedState state = new ObservedState(UP, Set.of("demo_front", "demo_back"), Set.of(), Map.of("demo_front", "f1", "demo_back", "b1"), Map.of());
        var onlyDb = new UpOptions(Set.of("db"), true, UpOptions.Recreate.DIVERGED, false, false, true);
        assertEquals(BACK_MOVED + """
                #12 start container demo-web-1 after #10
                #13 start container demo-web-2 after #11
                #14 start container demo-db-1 after #8 #9
                """, Reconciler.up(project("b2"), state, onlyDb).plan().text());
    }
}
