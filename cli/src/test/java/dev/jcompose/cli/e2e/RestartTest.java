package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/restart_test.go}: "TestRestart" and "TestRestartWithProfiles" on
 * {@code fixtures/restart-test/compose.yaml} (busybox's {@code ash} runs its {@code [[ -f … ]]}), and
 * "TestRestartWithDependencies" on {@code compose-depends-on.yaml}, less its last assertion: docker
 * compose prints {@code Running} for an up-to-date running container, jcompose prints nothing for it.
 */
class RestartTest extends E2eTest {
    private static final String FILE = "fixtures/restart-test/compose.yaml";

    /** The Go test's assertServiceStatus: {@code <p>-<svc>-1.+<svc>\s+.+<status>.+}. */
    private static void assertServiceStatus(String project, String service, String status, String ps) {
        String regex = project + "-" + service + "-1.+" + service + "\\s+.+" + status + ".+";
        assertTrue(Pattern.compile(regex).matcher(ps).find(), () -> "expected /" + regex + "/ in:\n" + ps);
    }

    @Test
    void testRestart() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String p = "e2e-restart";
        String[] files = {"-f", E2eFixture.path(FILE), "-f", c.subnet(14), "--project-name", p};
        c.ok("--project-name", p, "down");

        E2eFixture.Run up = c.ok(PsTest.args(files, "up", "-d"));
        assertTrue(Pattern.compile("Container e2e-restart-restart-1\\s+Started").matcher(up.combined()).find(), up.combined());
        c.awaitOutput(o -> o.contains("\"State\":\"exited\""), 30, "the first run to exit", "--project-name", p, "ps", "-a", "--format", "json");
        assertServiceStatus(p, "restart", "Exited", c.ok("--project-name", p, "ps", "-a").out());

        c.ok(PsTest.args(files, "restart"));
        // the Go test's second: the restarted container finds its lock file and must not exit
        Thread.sleep(1000);
        assertServiceStatus(p, "restart", "Up", c.ok("--project-name", p, "ps").out());

        c.ok("--project-name", p, "down", "-t", "0");
        assertEquals(java.util.List.of(), c.containerNames());
    }

    @Test
    void testRestartWithProfiles() throws Exception {
        c = E2eFixture.start(dir, FILE);
        E2eFixture cli = c.withEnv(Map.of("COMPOSE_PROJECT_NAME", "e2e-restart-profiles"));
        cli.ok("-f", E2eFixture.path(FILE), "-f", c.subnet(15), "--profile", "test", "up", "-d");
        E2eFixture.Run r = cli.ok("restart", "test");
        assertTrue(Pattern.compile("Container e2e-restart-profiles-test-1\\s+Started").matcher(r.combined()).find(), r.combined());
        assertEquals("running", c.engine.containers().inspect("e2e-restart-profiles-test-1").state().status());
        cli.ok("down", "--remove-orphans", "-t", "0");
    }

    @Test
    void testRestartWithDependencies() throws Exception {
        String deps = "fixtures/restart-test/compose-depends-on.yaml";
        c = E2eFixture.start(dir, deps);
        E2eFixture cli = c.withEnv(Map.of("COMPOSE_PROJECT_NAME", "e2e-restart-deps"));
        String[] files = {"-f", E2eFixture.path(deps), "-f", c.subnet(61)};
        cli.ok(PsTest.args(files, "up", "-d", "-t", "1"));

        // no compose file here: the dependencies come from the containers' depends_on labels
        String out = cli.ok("restart", "-t", "1", "nginx").combined();
        assertFinds("Container e2e-restart-deps-nginx-1\\s+Restarting", out);
        assertFinds("Container e2e-restart-deps-nginx-1\\s+Healthy", out);
        assertFinds("Container e2e-restart-deps-with-restart-1\\s+Started", out);
        assertTrue(!out.contains("no-restart"), out);

        out = cli.withEnv(Map.of("LABEL", "recreate")).ok(PsTest.args(files, "up", "-d", "-t", "1")).combined();
        assertFinds("Container e2e-restart-deps-with-restart-1\\s+Stopped", out);
        assertFinds("Container e2e-restart-deps-nginx-1\\s+Recreated", out);
        assertFinds("Container e2e-restart-deps-nginx-1\\s+Healthy", out);
        assertFinds("Container e2e-restart-deps-with-restart-1\\s+Started", out);
        assertTrue(!out.contains("no-restart-1 Stopp") && !out.contains("no-restart-1 Recreate"), out);
        assertTrue(out.indexOf("with-restart-1 Stopped") < out.indexOf("nginx-1 Recreate")
                && out.indexOf("nginx-1 Healthy") < out.lastIndexOf("with-restart-1 Started"), "stopped before, started after: " + out);
        for (String svc : new String[] {"nginx", "with-restart", "no-restart"}) {
            assertEquals("running", c.engine.containers().inspect("e2e-restart-deps-" + svc + "-1").state().status(), svc);
        }
        cli.ok("down", "-t", "0");
        assertEquals(java.util.List.of(), c.containerNames());
    }

    private static void assertFinds(String regex, String out) {
        assertTrue(Pattern.compile(regex).matcher(out).find(), () -> "expected /" + regex + "/ in:\n" + out);
    }
}
