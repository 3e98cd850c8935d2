package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/compose {@code pkg/e2e/restart_test.go}: "TestRestart" and "TestRestartWithProfiles" on
 * {@code fixtures/restart-test/compose.yaml} (busybox's {@code ash} runs its {@code [[ -f … ]]}).
 *
 * <p>Not ported: "TestRestartWithDependencies" ({@code compose-depends-on.yaml}): restarting a service
 * does not yet restart the dependents that declare {@code depends_on: {restart: true}}, nor does
 * recreating it stop and restart them (a known gap of {@code jcompose restart}/{@code up}).
 */
@Tag("root")
class RestartTest {
    private static final String FILE = "fixtures/restart-test/compose.yaml";
    @TempDir
    Path dir;
    private E2eFixture c;

    @AfterEach
    void down() {
        if (c != null) {
            c.close();
        }
    }

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
}
