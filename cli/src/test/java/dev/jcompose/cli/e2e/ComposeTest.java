package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/compose_test.go}, the {@code .env} scenarios: "TestComposeFileSetByDotEnv",
 * "TestComposeFileSetByProjectDirectory", "TestComposeFileSetByEnvFile" ({@code fixtures/dotenv}) and
 * "TestNestedDotEnv" ({@code fixtures/nested}), each CLI run in the directory the Go test runs it in.
 *
 * <p>Not ported from that file: "TestLocalComposeUp", "TestCompatibility" and "TestRemoveOrphaned"
 * need {@code fixtures/sentences}' images ({@code gtardif/sentences-*}, a Java app and a database,
 * which have no stand-in here); "TestConfig"/"TestConfigInterpolate" need {@code build:} fixtures;
 * "TestInitContainer", "TestStopWithDependenciesAttached" and "TestUnnecesaryResources" need fixtures
 * missing from the shared corpus; "TestRm", "TestDownComposefileInParentFolder" and
 * "TestAttachRestart" (skipped upstream) belong to the lifecycle verbs.
 */
class ComposeTest extends E2eTest {
    @Test
    void testComposeFileSetByDotEnv() throws Exception {
        c = E2eFixture.start(dir, "fixtures/dotenv/.env");
        E2eFixture.Run r = c.inDirectory(E2eFixture.E2E.resolve("fixtures/dotenv")).ok("config");
        assertTrue(r.out().contains("image: test:latest"), r.combined());
        assertTrue(r.out().contains("image: enabled:profile"), r.combined());
    }

    @Test
    void testComposeFileSetByProjectDirectory() throws Exception {
        c = E2eFixture.start(dir, "fixtures/dotenv/development/compose.yaml");
        E2eFixture.Run r = c.inDirectory(E2eFixture.E2E).ok("--project-directory", "fixtures/dotenv/development", "config");
        assertTrue(r.out().contains("image: backend:latest"), r.combined());
    }

    @Test
    void testComposeFileSetByEnvFile() throws Exception {
        c = E2eFixture.start(dir, "fixtures/dotenv/development/compose.yaml");
        Path dotEnv = Files.writeString(dir.resolve(".env"), """

                COMPOSE_FILE=fixtures/dotenv/development/compose.yaml
                IMAGE_NAME=test
                IMAGE_TAG=latest
                COMPOSE_PROFILES=test
                """);
        E2eFixture.Run r = c.inDirectory(E2eFixture.E2E).run("--env-file", dotEnv.toString(), "config");
        assertTrue(r.out().contains("image: test:latest"), r.combined());
        assertTrue(r.out().contains("image: enabled:profile"), r.combined());
    }

    /** The working directory's .env over the project directory's: both are read, the nearer wins. */
    @Test
    void testNestedDotEnv() throws Exception {
        c = E2eFixture.start(dir, "fixtures/nested/compose.yaml", "fixtures/nested/sub/.env");
        E2eFixture.Run root = c.inDirectory(E2eFixture.E2E.resolve("fixtures/nested")).ok("run", "echo");
        assertTrue(root.out().contains("root win=root"), root.combined());

        E2eFixture.Run sub = c.inDirectory(E2eFixture.E2E.resolve("fixtures/nested/sub")).ok("run", "echo");
        assertTrue(sub.out().contains("root sub win=sub"), sub.combined());

        c.ok("-p", "nested", "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }
}
