package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/env_file_test.go} on {@code fixtures/env_file}: "TestUnusedMissingEnvFile"
 * (a service's missing {@code env_file} matters only when that service is used: {@code up serviceA},
 * then {@code ps}, {@code logs}, {@code down} all work with serviceB's {@code /doesnotexist/.env})
 * and "TestRunEnvFile" ({@code run} of a profiled service gets its {@code env_file}'s {@code FOO=BAR}).
 *
 * <p>These two tests are from the versions of env_file_test.go that the corpus' {@code fixtures/env_file}
 * was written for; the newest version has only "TestRawEnvFile", whose {@code fixtures/dotenv/raw.yaml}
 * is missing from the shared corpus (not ported). The default network gets this area's subnet.
 */
class EnvFileTest extends E2eTest {
    private static final String FILE = "fixtures/env_file/compose.yaml";

    @Test
    void testUnusedMissingEnvFile() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String[] files = {"-f", E2eFixture.path(FILE), "-f", c.subnet(52), "-p", "e2e-unused-missing-env-file"};
        c.ok(PsTest.args(files, "up", "-d", "serviceA"));
        // runtime operations work even with serviceB's env file missing
        assertTrue(c.ok(PsTest.args(files, "ps")).out().contains("e2e-unused-missing-env-file-serviceA-1"));
        c.ok(PsTest.args(files, "logs"));
        c.ok(PsTest.args(files, "down", "-t", "0"));
        assertEquals(List.of(), c.containerNames());
    }

    @Test
    void testRunEnvFile() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String p = "e2e-run-env-file";
        E2eFixture.Run r = c.ok("--project-directory", E2eFixture.path("fixtures/env_file"), "-f", E2eFixture.path(FILE), "-f",
                c.subnet(53), "-p", p, "run", "serviceC", "env");
        assertTrue(r.out().contains("FOO=BAR"), r.combined());
        c.ok("-p", p, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }
}
