package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/start_stop_test.go} "TestStartStop" on {@code fixtures/start-stop}:
 * up, {@code ls --all}, stop, {@code ls} / {@code ls --all} / {@code ps --all}, start, down.
 *
 * <p>Not ported: "TestStartStopWithDependencies" and "TestStartStopWithOneOffs" use
 * {@code fixtures/dependencies} and {@code fixtures/links}, which are not in the corpus. The Go
 * test's ps regex {@code <svc>\s+running} matches an older ps table (a STATE column); today's
 * docker compose prints {@code SERVICE  CREATED  STATUS} with {@code Up …}/{@code Exited (…) …},
 * which is what is asserted here.
 */
class StartStopTest extends E2eTest {
    private static final String FILE = "fixtures/start-stop/compose.yaml";
    private static final String P = "e2e-start-stop-no-dependencies";

    private static void assertFinds(String regex, String out) {
        assertTrue(Pattern.compile(regex).matcher(out).find(), () -> "expected /" + regex + "/ in:\n" + out);
    }

    private static String project(String status) {
        return P + "\\s+" + status + "\\(2\\)";
    }

    private static String service(String service, String status) {
        return P + "-" + service + "-1 .+ " + service + " .+ " + status;
    }

    @Test
    void testStartStop() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String[] files = {"-f", E2eFixture.path(FILE), "-f", c.subnet(2), "--project-name", P};

        // start creates nothing: docker compose's error, exit 1
        E2eFixture.Run none = c.run(PsTest.args(files, "start"));
        assertEquals(1, none.code(), none.combined());
        assertFinds("^service \"(simple|another)\" has no container to start$", none.err().strip());

        // "Up a project"
        E2eFixture.Run up = c.ok(PsTest.args(files, "up", "-d"));
        assertFinds("Container " + P + "-simple-1\\s+Started", up.combined());
        assertFinds(project("running"), c.ok("ls", "--all").out());
        String ps = c.ok("--project-name", P, "ps").out();
        assertFinds(service("simple", "Up"), ps);
        assertFinds(service("another", "Up"), ps);

        // "stop project"
        c.ok(PsTest.args(files, "stop"));
        E2eFixture.Run ls = c.ok("ls");
        assertFalse(ls.combined().contains(P), ls.combined());
        assertFinds(project("exited"), c.ok("ls", "--all").out());
        assertEquals(1, c.ok("--project-name", P, "ps").out().lines().count(), "only the header");
        String psAll = c.ok("--project-name", P, "ps", "--all").out();
        assertFinds(service("simple", "Exited"), psAll);
        assertFinds(service("another", "Exited"), psAll);

        // "start project"
        c.ok(PsTest.args(files, "start"));
        assertFinds(project("running"), c.ok("ls").out());

        // "down"
        c.ok("--project-name", P, "down");
        assertEquals(List.of(), c.containerNames());
        assertEquals(1, c.ok("ls", "--all").out().lines().count(), "no project left");
    }
}
