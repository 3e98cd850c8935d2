package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/pause_test.go}: "TestPause", "TestPauseServiceNotRunning",
 * "TestPauseServiceAlreadyPaused", "TestPauseServiceDoesNotExist", with the compose files of
 * {@code testdata/<TestName>/compose.yaml} ({@code fixtures/pause} is not in the corpus) given through
 * {@code COMPOSE_FILE} as the Go tests do. Those files run {@code sleep infinity} rather than a web
 * server, so "a no longer responds / b still does" is asserted on the containers' states.
 */
class PauseTest extends E2eTest {
    private E2eFixture cli(String test, String project, int subnet) throws Exception {
        String file = "testdata/" + test + "/compose.yaml";
        c = E2eFixture.start(dir, file);
        return c.withEnv(Map.of("COMPOSE_PROJECT_NAME", project, "COMPOSE_FILE", E2eFixture.path(file) + ":" + c.subnet(subnet)));
    }

    private String state(String container) {
        return c.engine.containers().inspect(container).state().status();
    }

    @Test
    void testPause() throws Exception {
        E2eFixture cli = cli("TestPause", "e2e-pause", 10);
        cli.ok("up", "-d");
        assertEquals("running", state("e2e-pause-a-1"));
        assertEquals("running", state("e2e-pause-b-1"));
        // pause a: a is frozen, b is not
        E2eFixture.Run pause = cli.ok("pause", "a");
        assertTrue(pause.err().contains("Container e2e-pause-a-1  Paused"), pause.err());
        assertEquals("paused", state("e2e-pause-a-1"));
        assertEquals("running", state("e2e-pause-b-1"));
        // unpause a: both work again
        cli.ok("unpause", "a");
        assertEquals("running", state("e2e-pause-a-1"));
        assertEquals("running", state("e2e-pause-b-1"));
        cli.ok("down", "-v", "--remove-orphans", "-t", "0");
        assertEquals(java.util.List.of(), c.containerNames());
    }

    @Test
    void testPauseServiceNotRunning() throws Exception {
        E2eFixture cli = cli("TestPauseServiceNotRunning", "e2e-pause-svc-not-running", 11);
        E2eFixture.Run r = cli.run("pause", "a");
        assertEquals(0, r.code(), "nothing to pause is not an error (as docker compose): " + r.combined());
    }

    @Test
    void testPauseServiceAlreadyPaused() throws Exception {
        E2eFixture cli = cli("TestPauseServiceAlreadyPaused", "e2e-pause-svc-already-paused", 12);
        cli.ok("up", "-d", "a");
        cli.ok("pause", "a");
        E2eFixture.Run again = cli.run("pause", "a");
        assertEquals(1, again.code(), again.combined());
        assertTrue(again.err().contains("already paused"), again.err());
    }

    @Test
    void testPauseServiceDoesNotExist() throws Exception {
        E2eFixture cli = cli("TestPauseServiceDoesNotExist", "e2e-pause-svc-not-exist", 13);
        E2eFixture.Run r = cli.run("pause", "does_not_exist");
        assertEquals(0, r.code(), "as docker compose today (its TODO: should error): " + r.combined());
    }
}
