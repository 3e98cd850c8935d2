package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docker/compose {@code pkg/e2e/wait_test.go} on {@code fixtures/wait}: each Go test is a method named after it. */
class WaitTest extends E2eTest {
    private static final String FILE = "fixtures/wait/compose.yaml";

    private void up(String project, int subnet) throws Exception {
        c = E2eFixture.start(dir, FILE);
        c.ok("-f", E2eFixture.path(FILE), "-f", c.subnet(subnet), "--project-name", project, "up", "-d");
    }

    private void cleanup(String project) throws Exception {
        c.ok("--project-name", project, "down", "--timeout=0", "--remove-orphans");
        assertEquals(java.util.List.of(), c.containerNames());
    }

    @Test
    void testWaitOnFaster() throws Exception {
        up("e2e-wait-faster", 6);
        c.ok("--project-name", "e2e-wait-faster", "wait", "faster");
        cleanup("e2e-wait-faster");
    }

    @Test
    void testWaitOnSlower() throws Exception {
        up("e2e-wait-slower", 7);
        c.ok("--project-name", "e2e-wait-slower", "wait", "slower");
        cleanup("e2e-wait-slower");
    }

    @Test
    void testWaitOnInfinity() throws Exception {
        up("e2e-wait-infinity", 8);
        try (E2eFixture.Background wait = c.spawn("--project-name", "e2e-wait-infinity", "wait", "infinity")) {
            // the Go test's 7 s: wait must still be waiting (a window, not synchronisation)
            assertFalse(wait.process.waitFor(7, TimeUnit.SECONDS), "wait infinity should not finish:\n" + wait.combined());
        }
        cleanup("e2e-wait-infinity");
    }

    @Test
    void testWaitAndDrop() throws Exception {
        up("e2e-wait-and-drop", 9);
        c.ok("--project-name", "e2e-wait-and-drop", "wait", "--down-project", "faster");
        assertTrue(c.containerNames().stream().noneMatch(n -> n.contains("e2e-wait-and-drop")), c.containerNames().toString());
    }

    /** {@code up --wait}: a service without a health check only has to run, and shows as Healthy, as docker compose prints it. */
    @Test
    void testUpWaitShowsRunningServicesAsHealthy() throws Exception {
        c = E2eFixture.start(dir, FILE);
        E2eFixture.Run up = c.ok("-f", E2eFixture.path(FILE), "-f", c.subnet(10), "--project-name", "e2e-up-wait", "up", "--wait", "infinity");
        assertTrue(up.err().contains("Container e2e-up-wait-infinity-1 Healthy"), up.combined());
        cleanup("e2e-up-wait");
    }

    /** docker/compose's {@code testdata/TestUpWaitTimeout}: health stays "starting", so {@code --wait-timeout} ends the wait, failing. */
    @Test
    void testUpWaitTimeout() throws Exception {
        String file = "testdata/TestUpWaitTimeout/compose.yaml";
        c = E2eFixture.start(dir, file);
        E2eFixture.Run up = c.run("-f", E2eFixture.path(file), "-f", c.subnet(11), "--project-name", "e2e-up-wait-timeout", "up", "--wait",
                "--wait-timeout", "2");
        assertEquals(1, up.code(), up.combined());
        assertTrue(up.err().contains("timed out waiting for service \"app\" to be running or healthy (e2e-up-wait-timeout-app-1 is starting)"),
                up.combined());
        cleanup("e2e-up-wait-timeout");
    }
}
