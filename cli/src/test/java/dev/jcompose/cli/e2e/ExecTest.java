package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/exec_test.go} "TestExec" on {@code testdata/TestExec}: exec prefers the
 * service's container over a one-off, and falls back to the one-off when it is alone. {@code ps} and
 * {@code tail} are busybox's.
 */
class ExecTest extends E2eTest {
    private static final String FILE = "testdata/TestExec/compose.yaml";

    @Test
    void testExec() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String p = "e2eb-exec-pref";
        String[] f = {"-f", E2eFixture.path(FILE), "-f", c.subnet(203), "--project-name", p};
        ServiceStates states = new ServiceStates(c, p);

        // "run starts a detached one-off with its own command"
        c.ok(PsTest.args(f, "run", "-d", "test", "cat"));
        assertEquals("running", states.oneOff("test"));

        // "exec --index=1 finds no numbered replica"
        E2eFixture.Run none = c.run(PsTest.args(f, "exec", "--index=1", "test", "ps"));
        assertEquals(1, none.code(), none.combined());
        assertTrue(none.combined().contains("service \"test\" is not running container #1"), none.combined());

        // "with only a one-off around, exec lands in it"
        E2eFixture.Run oneOff = c.ok(PsTest.args(f, "exec", "test", "ps"));
        assertTrue(oneOff.out().contains("cat"), oneOff.combined());

        // "up starts the service container"
        c.ok(PsTest.args(f, "up", "-d"));
        assertEquals("running", states.service("test"));

        // "exec now selects the service container"
        E2eFixture.Run service = c.ok(PsTest.args(f, "exec", "test", "ps"));
        assertTrue(service.out().contains("tail"), service.combined());

        c.downAndCheck(p);
    }
}
