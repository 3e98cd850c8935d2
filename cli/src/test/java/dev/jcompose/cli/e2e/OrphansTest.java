package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/orphans_test.go} "TestRemoveOrphans", and the resolution order of
 * {@code cmd/compose/orphans_env_test.go} ("TestRemoveOrphansResolutionOrder": the project's
 * {@code .env}, then the process environment, then {@code --remove-orphans[=BOOL]}) run end to end.
 *
 * <p>{@code fixtures/orphans} ({@code compose.yaml} and a {@code .env} holding
 * {@code COMPOSE_REMOVE_ORPHANS=true}) is missing from the shared corpus: the test writes its two
 * files, as docker/compose has them, into its own directory. An exited one-off ({@code run})
 * container is an orphan, as in docker compose.
 */
class OrphansTest extends E2eTest {
    private static final String COMPOSE = """
            services:
              orphan:
                profiles: [run]
                image: alpine
                command: echo hello
              test:
                image: nginx:alpine
            """;

    /** fixtures/orphans as docker/compose has it, with this area's subnet as a second file; returns the {@code -f} arguments. */
    private String[] fixture(int subnet) throws Exception {
        Path orphans = c.missingFixture("orphans", "compose.yaml", COMPOSE, ".env", "COMPOSE_REMOVE_ORPHANS=true\n");
        return new String[] {"-f", orphans.resolve("compose.yaml").toString(), "-f", c.subnet(subnet)};
    }

    @Test
    void testRemoveOrphans() throws Exception {
        c = E2eFixture.start(dir);
        String p = "e2e-orphans";
        String[] files = fixture(43);

        c.ok(PsTest.args(files, "-p", p, "run", "orphan"));
        E2eFixture.Run ps = c.ok("-p", p, "ps", "--all");
        assertTrue(ps.combined().contains("e2e-orphans-orphan-run-"), ps.combined());

        // COMPOSE_REMOVE_ORPHANS=true comes from the fixture's .env
        c.ok(PsTest.args(files, "-p", p, "up", "-d"));
        ps = c.ok("-p", p, "ps", "--all");
        assertFalse(ps.combined().contains("e2e-orphans-orphan-run-"), ps.combined());

        c.ok("-p", p, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }

    /** The flag beats the process environment, which beats the .env; kept orphans are named in docker compose's warning. */
    @Test
    void testRemoveOrphansResolutionOrder() throws Exception {
        c = E2eFixture.start(dir);
        String p = "e2e-orphans-order";
        String[] files = fixture(44);
        c.ok(PsTest.args(files, "-p", p, "run", "orphan"));
        Pattern warning = Pattern.compile("WARN\\[0000\\] Found orphan containers \\(\\[e2e-orphans-order-orphan-run-[0-9a-f]{12}\\]\\) for this"
                + " project\\. If you removed or renamed this service in your compose file, you can run this command with the"
                + " --remove-orphans flag to clean it up\\.");

        E2eFixture.Run up = c.ok(PsTest.args(files, "-p", p, "up", "-d", "--remove-orphans=false"));
        assertTrue(warning.matcher(up.err()).find(), up.err());
        assertTrue(c.ok("-p", p, "ps", "--all").out().contains("e2e-orphans-order-orphan-run-"), "--remove-orphans=false beats the .env");

        E2eFixture envFalse = c.withEnv(Map.of("COMPOSE_REMOVE_ORPHANS", "false"));
        up = envFalse.ok(PsTest.args(files, "-p", p, "up", "-d"));
        assertTrue(warning.matcher(up.err()).find(), up.err());
        assertTrue(c.ok("-p", p, "ps", "--all").out().contains("e2e-orphans-order-orphan-run-"), "the process environment beats the .env");

        envFalse.ok(PsTest.args(files, "-p", p, "up", "-d", "--remove-orphans"));
        assertFalse(c.ok("-p", p, "ps", "--all").out().contains("e2e-orphans-order-orphan-run-"), "--remove-orphans beats the environment");

        c.ok("-p", p, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }

    /** {@code down} reads COMPOSE_REMOVE_ORPHANS from the project's .env too: a service gone from the file goes with the rest. */
    @Test
    void downRemovesOrphansWhenTheDotEnvSaysSo() throws Exception {
        c = E2eFixture.start(dir);
        String p = "e2e-orphans-down";
        String[] files = fixture(45);
        String extra = c.override("old.yaml", "services:\n  old:\n    image: alpine\n    command: sleep 600\n    init: true\n");

        c.ok(PsTest.args(PsTest.args(files, "-f", extra), "-p", p, "up", "-d"));
        assertTrue(c.containerNames().contains("e2e-orphans-down-old-1"), c.containerNames().toString());

        E2eFixture.Run up = c.ok(PsTest.args(files, "-p", p, "up", "-d", "--remove-orphans=false"));
        assertTrue(up.err().contains("Found orphan containers ([e2e-orphans-down-old-1]) for this project."), up.err());

        c.ok(PsTest.args(files, "-p", p, "down", "-t", "0"));
        assertEquals(List.of(), c.containerNames());
    }
}
