package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/profiles_test.go}: "TestExplicitProfileUsage", "TestNoProfileUsage"
 * and "TestActiveProfileViaTargetedService": up, stop, start and restart with and without
 * {@code --profile}, and a profiled service activated by naming it.
 *
 * <p>{@code fixtures/profiles/compose.yaml} is missing from the shared corpus: the test writes it, as
 * docker/compose has it, into its own directory ({@code nginx:alpine} is the busybox stand-in). The
 * Go tests' final {@code docker ps} is the engine's container list.
 */
class ProfilesTest extends E2eTest {
    private static final String PROFILED = "profiled-service";
    private static final String REGULAR = "regular-service";
    private static final String PROFILE = "test-profile";

    private String[] fixture(int subnet) throws Exception {
        Path profiles = c.missingFixture("profiles", "compose.yaml", """
                services:
                  regular-service:
                    image: nginx:alpine

                  profiled-service:
                    image: nginx:alpine
                    profiles:
                      - test-profile
                """);
        return new String[] {"-f", profiles.resolve("compose.yaml").toString(), "-f", c.subnet(subnet)};
    }

    private String running(String p) throws Exception {
        return c.ok("-p", p, "ps", "--status", "running").combined();
    }

    @Test
    void testExplicitProfileUsage() throws Exception {
        c = E2eFixture.start(dir);
        String p = "e2e-profiles";
        String[] files = PsTest.args(fixture(46), "-p", p, "--profile", PROFILE);

        c.ok(PsTest.args(files, "up", "-d"));
        String ps = c.ok("-p", p, "ps").out();
        assertTrue(ps.contains(REGULAR) && ps.contains(PROFILED), ps);

        c.ok(PsTest.args(files, "stop", "-t", "1"));
        ps = running(p);
        assertFalse(ps.contains(REGULAR) || ps.contains(PROFILED), ps);

        c.ok(PsTest.args(files, "start"));
        ps = running(p);
        assertTrue(ps.contains(REGULAR) && ps.contains(PROFILED), ps);

        c.ok(PsTest.args(files, "restart", "-t", "1"));
        ps = running(p);
        assertTrue(ps.contains(REGULAR) && ps.contains(PROFILED), ps);

        c.ok("--project-name", p, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }

    @Test
    void testNoProfileUsage() throws Exception {
        c = E2eFixture.start(dir);
        String p = "e2e-no-profiles";
        String[] files = PsTest.args(fixture(47), "-p", p);

        c.ok(PsTest.args(files, "up", "-d"));
        String ps = c.ok("-p", p, "ps").combined();
        assertTrue(ps.contains(REGULAR), ps);
        assertFalse(ps.contains(PROFILED), ps);

        c.ok(PsTest.args(files, "stop", "-t", "1"));
        ps = running(p);
        assertFalse(ps.contains(REGULAR) || ps.contains(PROFILED), ps);

        c.ok(PsTest.args(files, "start"));
        ps = running(p);
        assertTrue(ps.contains(REGULAR), ps);
        assertFalse(ps.contains(PROFILED), ps);

        c.ok(PsTest.args(files, "restart", "-t", "1"));
        ps = running(p);
        assertTrue(ps.contains(REGULAR), ps);
        assertFalse(ps.contains(PROFILED), ps);

        c.ok("--project-name", p, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }

    @Test
    void testActiveProfileViaTargetedService() throws Exception {
        c = E2eFixture.start(dir);
        String p = "e2e-profiles-via-target-service";
        String[] files = PsTest.args(fixture(48), "-p", p);

        c.ok(PsTest.args(files, "up", PROFILED, "-d"));
        String ps = c.ok("-p", p, "ps").combined();
        assertFalse(ps.contains(REGULAR), ps);
        assertTrue(ps.contains(PROFILED), ps);
        ps = c.ok("-p", p, "--profile", PROFILE, "ps").combined();
        assertFalse(ps.contains(REGULAR), ps);
        assertTrue(ps.contains(PROFILED), ps);

        c.ok(PsTest.args(files, "stop", "-t", "1", PROFILED));
        ps = running(p);
        assertFalse(ps.contains(REGULAR) || ps.contains(PROFILED), ps);

        c.ok(PsTest.args(files, "start", PROFILED));
        ps = running(p);
        assertFalse(ps.contains(REGULAR), ps);
        assertTrue(ps.contains(PROFILED), ps);

        // restart without naming it: the project's containers, the profiled one included
        c.ok(PsTest.args(files, "restart", "-t", "1"));
        ps = running(p);
        assertFalse(ps.contains(REGULAR), ps);
        assertTrue(ps.contains(PROFILED), ps);

        c.ok("--project-name", p, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }
}
