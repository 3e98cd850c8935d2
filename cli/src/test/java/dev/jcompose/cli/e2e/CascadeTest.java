package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/cascade_test.go}: "TestCascadeStop" and "TestCascadeFail" (scenarios
 * whose compose file is {@code testdata/TestCascadeStop|TestCascadeFail/compose.yaml}, project named
 * as the scenario framework names it) and "TestCascadeIgnoresOneOffContainer" ({@code fixtures/cascade}).
 */
class CascadeTest extends E2eTest {
    private String state(String container) {
        return c.engine.containers().inspect(container).state().status();
    }

    @Test
    void testCascadeStop() throws Exception {
        String file = "testdata/TestCascadeStop/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2e-cascade-stop";
        // "up aborts once a container exits, reporting which one"
        E2eFixture.Run up = c.ok("-f", E2eFixture.path(file), "-f", c.subnet(3), "--project-name", p, "up", "--abort-on-container-exit");
        assertTrue(up.combined().contains("exit-1 exited with code 0"), up.combined());
        assertEquals("exited", state(p + "-running-1"), "the running service was stopped");
    }

    @Test
    void testCascadeFail() throws Exception {
        String file = "testdata/TestCascadeFail/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2e-cascade-fail";
        // "up keeps going on clean exits and aborts on the failure, with its exit code"
        E2eFixture.Run up = c.run("-f", E2eFixture.path(file), "-f", c.subnet(4), "--project-name", p, "up", "--abort-on-container-failure");
        assertEquals(111, up.code(), up.combined());
        assertTrue(up.combined().contains("exit-1 exited with code 0"), up.combined());
        assertTrue(up.combined().contains("fail-1 exited with code 111"), up.combined());
        assertEquals("exited", state(p + "-running-1"), "the running service was stopped");
    }

    @Test
    void testCascadeIgnoresOneOffContainer() throws Exception {
        String file = "fixtures/cascade/compose.yaml";
        c = E2eFixture.start(dir, file);
        E2eFixture e = c.withEnv(java.util.Map.of("COMPOSE_PROJECT_NAME", "compose-e2e-cascade-oneoff"));
        String sub = c.subnet(5);
        try (E2eFixture.Background up = e.spawn("-f", E2eFixture.path(file), "-f", sub, "up", "--abort-on-container-exit", "--menu=false", "running")) {
            up.awaitCombined(o -> o.contains("Attaching to running-1"), 60, "Attaching to running-1");
            e.ok("-f", E2eFixture.path(file), "-f", sub, "run", "--rm", "--no-deps", "running", "/bin/true");
            // a window for a wrong abort to show (as the Go test's 3 s); it cannot make the test pass wrongly
            Thread.sleep(3000);
            assertFalse(up.combined().contains("Aborting on container exit"), up.combined());
            assertTrue(up.process.isAlive(), "up keeps running:\n" + up.combined());
            assertEquals("running", state("compose-e2e-cascade-oneoff-running-1"));
        }
    }
}
