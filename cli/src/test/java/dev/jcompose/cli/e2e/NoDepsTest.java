package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/noDeps_test.go}: "TestNoDepsNetworkMode" and "TestNoDepsVolumeFrom",
 * scenarios whose compose files are {@code testdata/<TestName>/compose.yaml}; the donor container is
 * removed behind compose's back through the engine (the Go test's {@code docker rm -f}).
 */
class NoDepsTest extends E2eTest {
    private String id(String container) {
        return c.engine.containers().inspect(container).id();
    }

    private void scenario(String test, String project, int subnet, String expected) throws Exception {
        String file = "testdata/" + test + "/compose.yaml";
        c = E2eFixture.start(dir, file);
        String[] files = {"-f", E2eFixture.path(file), "-f", c.subnet(subnet), "--project-name", project};
        // "up starts the service and the donor"
        c.ok(PsTest.args(files, "up", "-d"));
        assertEquals("running", c.engine.containers().inspect(project + "-app-1").state().status());
        assertEquals("running", c.engine.containers().inspect(project + "-db-1").state().status());
        String app = id(project + "-app-1");
        String db = id(project + "-db-1");
        // "up --no-deps reuses the donor container while it exists"
        c.ok(PsTest.args(files, "up", "--no-deps", "-d", "app"));
        assertEquals(app, id(project + "-app-1"), "app not recreated");
        assertEquals(db, id(project + "-db-1"), "db not recreated");
        // "the donor container is removed behind compose's back"
        c.engine.runtime().forceRemove(project + "-db-1");
        assertThrows(RuntimeException.class, () -> c.engine.containers().inspect(project + "-db-1"));
        // "up --no-deps without the donor container is rejected"
        E2eFixture.Run r = c.run(PsTest.args(files, "up", "--no-deps", "-d", "app"));
        assertEquals(1, r.code(), r.combined());
        assertTrue(r.combined().contains(expected), r.combined());
    }

    @Test
    void testNoDepsNetworkMode() throws Exception {
        scenario("TestNoDepsNetworkMode", "e2e-no-deps-network-mode", 16, "cannot share network namespace with service db: container missing");
    }

    @Test
    void testNoDepsVolumeFrom() throws Exception {
        scenario("TestNoDepsVolumeFrom", "e2e-no-deps-volume-from", 17, "cannot share volume with service db: container missing");
    }
}
