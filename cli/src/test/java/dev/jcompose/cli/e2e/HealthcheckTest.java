package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.ContainerState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/healthcheck_test.go} "TestStartInterval" on {@code testdata/TestStartInterval}:
 * {@code start_interval} without {@code start_period} is refused; with it, {@code up --wait} turns
 * healthy long before the 30 s interval. Instead of the Go test's 30 s wall-clock bound, the first
 * probe's time in the health log (1 s after start, not 30 s) shows {@code start_interval} was used;
 * health as {@code ps} shows it is checked as well.
 */
class HealthcheckTest extends E2eTest {
    private static final String FILE = "testdata/TestStartInterval/compose.yaml";

    @Test
    void testStartInterval() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String p = "e2eb-start-interval";
        String[] f = {"-f", E2eFixture.path(FILE), "-f", c.subnet(204), "--project-name", p};

        // "up --wait on a start_interval without start_period is rejected"
        E2eFixture.Run error = c.run(PsTest.args(f, "up", "--wait", "-d", "error"));
        assertEquals(1, error.code(), error.combined());
        assertTrue(error.combined().contains("healthcheck.start_interval requires healthcheck.start_period to be set"), error.combined());

        // "up --wait turns healthy well before the regular 30s interval"
        E2eFixture.Run up = c.ok(PsTest.args(f, "up", "--wait", "-d", "test"));
        assertTrue(up.combined().contains("Healthy"), up.combined());
        ServiceStates states = new ServiceStates(c, p);
        assertEquals("running", states.service("test"));
        ContainerState state = c.engine.containers().inspect(states.id("test")).state();
        assertEquals("healthy", state.health().status());
        // the first probe ran on the 1 s start_interval, not the 30 s interval (engine time stamps, not the test's clock)
        Duration first = Duration.between(Instant.parse(state.startedAt()), Instant.parse(state.health().log().get(0).start()));
        assertTrue(first.toSeconds() < 20, "first probe " + first + " after start: start_interval was not used");
        String ps = c.ok(PsTest.args(f, "ps")).out();
        assertTrue(ps.contains("(healthy)"), ps);

        c.downAndCheck(p);
    }
}
