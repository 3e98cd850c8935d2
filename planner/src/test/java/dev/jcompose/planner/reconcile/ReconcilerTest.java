package dev.jcompose.planner.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.Dependency.Condition;
import dev.jcompose.planner.graph.Dependency.Kind;
import dev.jcompose.planner.graph.GraphException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden plan texts for {@code up} against different engine states. */
class ReconcilerTest {
    private static final DesiredService DB = new DesiredService("db", 1, "h-db", "mariadb", null, List.of());
    private static final DesiredService WEB = new DesiredService("web", 2, "h-web", "wordpress", null,
            List.of(new Dependency("db", Condition.HEALTHY, true, true, Kind.DEPENDS_ON)));
    private static final DesiredProject PROJECT = new DesiredProject("demo", List.of(WEB, DB), List.of("demo_default"),
            List.of("demo_db-data"));

    private static ObservedContainer running(String service, int n, String hash) {
        return new ObservedContainer(service + n + "0123456789abcdef", "demo-" + service + "-" + n, service, n, false, hash, true);
    }

    @Test
    void freshProject() {
        String plan = Reconciler.up(PROJECT, ObservedState.EMPTY, UpOptions.DEFAULT).plan().text();
        assertEquals("""
                #1 create network demo_default
                #2 create volume demo_db-data
                #3 create container demo-db-1 after #1 #2
                #4 start container demo-db-1 after #3
                #5 wait for db service_healthy after #4
                #6 create container demo-web-1 after #1 #2 #5
                #7 start container demo-web-1 after #6
                #8 create container demo-web-2 after #1 #2 #5
                #9 start container demo-web-2 after #8
                """, plan);
    }

    @Test
    void upToDateProjectOnlyWaits() {
        ObservedState state = new ObservedState(List.of(running("db", 1, "h-db"), running("web", 1, "h-web"),
                running("web", 2, "h-web")), Set.of("demo_default"), Set.of("demo_db-data"));
        assertEquals("#1 wait for db service_healthy\n", Reconciler.up(PROJECT, state, UpOptions.DEFAULT).plan().text());
        assertEquals("", Reconciler.up(PROJECT, state, new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, false, false,
                false)).plan().text(), "create (no start) of an up-to-date project does nothing");
    }

    @Test
    void changedConfigRecreatesOnlyThatServiceRestartsItsRestartTrueDependentsAndScaleDownRemovesTheHighestReplicas() {
        ObservedState state = new ObservedState(List.of(running("db", 1, "old"), running("web", 1, "h-web"),
                running("web", 2, "h-web"), running("web", 3, "h-web")), Set.of("demo_default"), Set.of("demo_db-data"));
        assertEquals("""
                #1 stop container demo-web-1
                #2 stop container demo-web-2
                #3 stop container demo-db-1 after #1 #2
                #4 rename container demo-db-1 to db1012345678_demo-db-1 after #3
                #5 create container demo-db-1 replacing db1012345678 after #4
                #6 start container demo-db-1 after #5
                #7 remove container db1012345678_demo-db-1 after #6
                #8 wait for db service_healthy after #6
                #9 start container demo-web-1 after #1 #8
                #10 start container demo-web-2 after #2 #8
                #11 stop container demo-web-3
                #12 remove container demo-web-3 after #11
                """, Reconciler.up(PROJECT, state, UpOptions.DEFAULT).plan().text());
    }

    @Test
    void forceRecreateOfOneServiceLeavesItsDependencyUnlessAlwaysRecreateDeps() {
        ObservedState state = new ObservedState(List.of(running("db", 1, "h-db"), running("web", 1, "h-web")),
                Set.of("demo_default"), Set.of("demo_db-data"));
        var force = new UpOptions(Set.of("web"), false, UpOptions.Recreate.FORCE, false, false, true);
        String text = Reconciler.up(PROJECT, state, force).plan().text();
        assertTrue(text.contains("create container demo-web-1 replacing"), text);
        assertTrue(!text.contains("demo-db-1 replacing"), text);
        var deps = new UpOptions(Set.of("web"), false, UpOptions.Recreate.FORCE, true, false, true);
        assertTrue(Reconciler.up(PROJECT, state, deps).plan().text().contains("create container demo-db-1 replacing"));
    }

    @Test
    void stoppedContainersAreStartedAndOrphansReportedOrRemoved() {
        ObservedContainer stoppedDb = new ObservedContainer("d1", "demo-db-1", "db", 1, false, "h-db", false);
        ObservedContainer orphan = running("old", 1, "x");
        ObservedState state = new ObservedState(List.of(stoppedDb, running("web", 1, "h-web"), running("web", 2, "h-web"), orphan),
                Set.of("demo_default"), Set.of("demo_db-data"));
        Reconciliation r = Reconciler.up(PROJECT, state, UpOptions.DEFAULT);
        assertEquals("#1 start container demo-db-1\n#2 wait for db service_healthy after #1\n", r.plan().text());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("Found orphan containers ([demo-old-1])"), r.warnings().get(0));
        var remove = new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, false, true, true);
        assertTrue(Reconciler.up(PROJECT, state, remove).plan().text().contains("remove container demo-old-1"));
    }

    @Test
    void exitedOneOffContainersAreOrphansRunningOnesAreNot() {
        ObservedContainer exited = new ObservedContainer("r1", "demo-web-run-0123456789ab", "web", 1, true, "h-web", false);
        ObservedContainer live = new ObservedContainer("r2", "demo-db-run-ba9876543210", "db", 1, true, "h-db", true);
        ObservedState state = new ObservedState(List.of(running("db", 1, "h-db"), running("web", 1, "h-web"), running("web", 2, "h-web"),
                exited, live), Set.of("demo_default"), Set.of("demo_db-data"));
        Reconciliation r = Reconciler.up(PROJECT, state, UpOptions.DEFAULT);
        assertEquals(List.of("Found orphan containers ([demo-web-run-0123456789ab]) for this project. If you removed or renamed this"
                + " service in your compose file, you can run this command with the --remove-orphans flag to clean it up."), r.warnings());
        var remove = new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, false, true, true);
        String text = Reconciler.up(PROJECT, state, remove).plan().text();
        assertTrue(text.contains("remove container demo-web-run-0123456789ab") && !text.contains("demo-db-run-"), text);
    }

    @Test
    void recreatedNetworkParentRecreatesItsDependent() {
        DesiredService vpn = new DesiredService("vpn", 1, "h-vpn2", "vpn", null, List.of());
        DesiredService app = new DesiredService("app", 1, "h-app", "app", null, List.of(Dependency.implicit("vpn", Kind.NETWORK_MODE)));
        DesiredProject p = new DesiredProject("demo", List.of(vpn, app), List.of(), List.of());
        ObservedState state = new ObservedState(List.of(running("vpn", 1, "h-vpn1"), running("app", 1, "h-app")), Set.of(), Set.of());
        assertTrue(Reconciler.up(p, state, UpOptions.DEFAULT).plan().text().contains("create container demo-app-1 replacing"));
    }

    @Test
    void namedServicesBringTheirDependenciesUnlessNoDeps() {
        var webOnly = new UpOptions(Set.of("web"), true, UpOptions.Recreate.DIVERGED, false, false, true);
        String text = Reconciler.up(PROJECT, ObservedState.EMPTY, webOnly).plan().text();
        assertTrue(!text.contains("demo-db-1") && text.contains("demo-web-2"), text);
        var unknown = new UpOptions(Set.of("nope"), true, UpOptions.Recreate.DIVERGED, false, false, true);
        assertEquals("no such service: nope", assertThrows(GraphException.class,
                () -> Reconciler.up(PROJECT, ObservedState.EMPTY, unknown)).getMessage());
    }
    @Test
    void noDepsNeedsTheContainerWhoseNamespaceOrVolumesAreShared() {
        var app = new DesiredService("app", 1, "h-app", "alpine", null, List.of(Dependency.implicit("db", Kind.NETWORK_MODE)));
        var vol = new DesiredService("vol", 1, "h-vol", "alpine", null, List.of(Dependency.implicit("db", Kind.VOLUMES_FROM)));
        var p = new DesiredProject("demo", List.of(app, vol, DB), List.of("demo_default"), List.of());
        var appOnly = new UpOptions(Set.of("app"), true, UpOptions.Recreate.DIVERGED, false, false, true);
        var volOnly = new UpOptions(Set.of("vol"), true, UpOptions.Recreate.DIVERGED, false, false, true);
        assertEquals("cannot share network namespace with service db: container missing",
                assertThrows(GraphException.class, () -> Reconciler.up(p, ObservedState.EMPTY, appOnly)).getMessage());
        assertEquals("cannot share volume with service db: container missing",
                assertThrows(GraphException.class, () -> Reconciler.up(p, ObservedState.EMPTY, volOnly)).getMessage());
        var withDb = new ObservedState(List.of(running("db", 1, "h-db")), Set.of("demo_default"), Set.of());
        assertTrue(Reconciler.up(p, withDb, appOnly).plan().text().contains("demo-app-1"), "the donor exists: app is planned");
    }

    @Test
    void aServiceStartedDependencyIsOrderedNotWaitedOn() {
        DesiredService app = new DesiredService("app", 1, "h-app", "app", null,
                List.of(new Dependency("db", Condition.STARTED, false, true, Kind.DEPENDS_ON)));
        DesiredProject p = new DesiredProject("demo", List.of(app, DB), List.of("demo_default"), List.of());
        assertEquals("""
                #1 create network demo_default
                #2 create container demo-db-1 after #1
                #3 start container demo-db-1 after #2
                #4 create container demo-app-1 after #1 #3
                #5 start container demo-app-1 after #4
                """, Reconciler.up(p, ObservedState.EMPTY, UpOptions.DEFAULT).plan().text());
    }

    @Test
    void aRecreatedDependencyRestartsOnlyDependentsWithRestartTrueAndARecreatedDependentIsStoppedOnce() {
        DesiredService db = new DesiredService("db", 1, "h-db2", "db", null, List.of());
        DesiredService keeps = new DesiredService("keeps", 1, "h-k", "k", null,
                List.of(new Dependency("db", Condition.STARTED, false, true, Kind.DEPENDS_ON)));
        DesiredService follows = new DesiredService("follows", 1, "h-f2", "f", null,
                List.of(new Dependency("db", Condition.STARTED, true, true, Kind.DEPENDS_ON)));
        DesiredProject p = new DesiredProject("demo", List.of(keeps, follows, db), List.of(), List.of());
        ObservedState state = new ObservedState(List.of(running("db", 1, "h-db1"), running("keeps", 1, "h-k"),
                running("follows", 1, "h-f1")), Set.of(), Set.of());
        assertEquals("""
                #1 stop container demo-follows-1
                #2 stop container demo-db-1 after #1
                #3 rename container demo-db-1 to db1012345678_demo-db-1 after #2
                #4 create container demo-db-1 replacing db1012345678 after #3
                #5 start container demo-db-1 after #4
                #6 remove container db1012345678_demo-db-1 after #5
                #7 rename container demo-follows-1 to follows10123_demo-follows-1 after #1 #5
                #8 create container demo-follows-1 replacing follows10123 after #7
                #9 start container demo-follows-1 after #8
                #10 remove container follows10123_demo-follows-1 after #9
                """, Reconciler.up(p, state, UpOptions.DEFAULT).plan().text());
    }
}
