package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.SharedCorpus;
import dev.jcompose.model.load.assemble.ProjectOptions;
import dev.jcompose.model.load.project.ComposeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every compose file of docker/compose's e2e fixtures ({@code docker-compose-e2e/}) and compose-go's
 * loader fixtures ({@code compose-go/}) loads, alone with {@code -f}, where docker compose loads it, and
 * fails with a located one-line error where docker compose fails it. A file not in {@link #EXPECTED}
 * loads: {@code pkg/e2e/testdata/<TestName>/} is the fixture of the e2e test of that name, and
 * {@code pkg/e2e/fixtures/**} are loaded by the e2e tests that name them. The exceptions, with the Go
 * test that says so, are the table below. {@code fixtures/bridge/expected-*} are Kubernetes/Helm
 * manifests ({@code compose bridge convert} golden output), not compose files, and are left out.
 */
class FixtureOutcomesTest {
    private static final Path CORPUS = SharedCorpus.path("");

    /** What docker compose does with a fixture: load it (with this environment or these services) or fail with this reason. */
    record Expect(String failure, Map<String, String> env, List<String> services, String goTest) {
        static Expect fails(String reason, String goTest) {
            return new Expect(reason, Map.of(), List.of(), goTest);
        }

        static Expect loadsWith(Map<String, String> env, String goTest) {
            return new Expect(null, env, List.of(), goTest);
        }
    }

    private static final String E2E = "docker-compose-e2e/pkg/e2e/";
    private static final String GO = "compose-go/loader/testdata/";

    static final Map<String, Expect> EXPECTED = Map.ofEntries(
            Map.entry(E2E + "fixtures/wrong-composefile/compose.yaml", Expect.fails(
                    "services.simple: additional property \"wrongField\" is not allowed",
                    "compose_test.go TestComposeWrongFile (exit 15, 'services.simple Additional property wrongField is not allowed')")),
            Map.entry(E2E + "fixtures/build-test/platforms/compose-service-platform-not-in-build-platforms.yaml", Expect.fails(
                    "service.build.platforms MUST include service.platform \"linux/riscv64\"",
                    "build_test.go TestBuildPlatformsStandardErrors 'service platform not defined in platforms build section'")),
            Map.entry(E2E + "fixtures/env_file/compose.yaml", Expect.fails(
                    "services.serviceB.env_file: env file /doesnotexist/.env not found",
                    "compose_environment_test.go TestUnusedMissingEnvFile (the whole model fails; `up serviceA` does not)")),
            Map.entry(E2E + "fixtures/publish/oci/compose-override.yaml", Expect.fails(
                    "service \"app\" has neither an image nor a build context specified",
                    "publish_test.go: an override, only loaded after fixtures/publish/oci/compose.yaml")),
            Map.entry(E2E + "testdata/TestLocalComposeConfigNoConsistency/compose.yaml", Expect.fails(
                    "service \"incomplete\" has neither an image nor a build context specified",
                    "config_test.go TestLocalComposeConfigNoConsistency (only --no-consistency lists it)")),
            Map.entry(E2E + "testdata/TestUpImageID/compose.yaml", Expect.loadsWith(Map.of("ID", "sha256:1234"),
                    "compose_up_test.go TestUpImageID (sets ID to the image ID)")),
            Map.entry(E2E + "testdata/TestUpContainerNameConflict/compose.yaml", new Expect(
                    "container name \"fixed\" is already in use by service another_test", Map.of("FIXED_NAME", "fixed"), List.of(),
                    "container_name_test.go TestUpContainerNameConflict (sets FIXED_NAME; compose-go's consistency check refuses it)")),
            Map.entry(GO + "compose-depends-on-cycle.yaml", Expect.fails("dependency cycle detected: service1 -> service2 -> service3 -> service1",
                    "loader_test.go TestLoadDependsOnCycle")),
            Map.entry(GO + "compose-depends-on-profile-no-cycle.yaml", Expect.fails("dependency cycle detected",
                    "loader_test.go (this stored version of the file has the cycle and no profiles)")),
            Map.entry(GO + "compose-depends-on-self.yaml", Expect.fails("dependency cycle detected: service1 -> service1",
                    "loader_test.go TestLoadDependsOnSelf")),
            Map.entry(GO + "compose-include-cycle.yaml", Expect.fails("include cycle detected",
                    "include_test.go TestIncludeCycle")),
            Map.entry(GO + "empty.yaml", Expect.fails("empty compose file", "loader_test.go TestLoadEmptyContent")),
            Map.entry(GO + "extends/base.yaml", Expect.fails("services.nil: must be a mapping, not null",
                    "extends_test.go: an extends source only; its service `nil:` is null, which the schema refuses")),
            Map.entry(GO + "include/dir/compose.yaml", Expect.fails("extra.env not found",
                    "include_test.go: only loaded through include/compose.yaml, whose include sets the env_file context")),
            Map.entry(GO + "remote/cycle/compose-cycle.yaml", Expect.fails("no such file or directory",
                    "loader_test.go TestLoadWithRemoteIncludeCycle: needs the custom `remote:` loader")),
            Map.entry(GO + "remote/cycle/compose.yaml", Expect.fails("no such file or directory",
                    "loader_test.go TestLoadWithRemoteIncludeCycle: needs the custom `remote:` loader")),
            Map.entry(GO + "remote/nested/compose.yaml", Expect.fails("no such file or directory",
                    "loader_test.go remote nested include: needs the custom `remote:` loader")),
            Map.entry("compose-go/schema/using-variables.yaml", new Expect(".external: must be a boolean, a string or a mapping, not an integer",
                    Map.of("VARIABLE", "42"), List.of(), "schema/schema_test.go validates it uninterpolated; loaded with VARIABLE=42,"
                    + " compose-go's interpolation casts external to a boolean and fails, as here")));

    /**
     * Files docker compose loads and jcompose does not yet, each with why; the test asserts they still fail,
     * so fixing one makes it fail until it is moved out of here.
     */
    static final Map<String, String> KNOWN_GAPS = knownGaps();

    private static Map<String, String> knownGaps() {
        // empty since pre_start (compose_pre_start_test.go, 10 fixtures) joined the bundled schema
        return Map.of();
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.walk(CORPUS.resolve("docker-compose-e2e")), Files.walk(CORPUS.resolve("compose-go")))) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .map(p -> CORPUS.relativize(p).toString())
                    .filter(p -> !p.contains("/bridge/expected-"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void loadsOrFailsAsDockerComposeDoes(String fixture) {
        Path file = CORPUS.resolve(fixture).toAbsolutePath().normalize();
        Expect expect = EXPECTED.getOrDefault(fixture, Expect.loadsWith(Map.of(), "pkg/e2e or compose-go tests using it"));
        Map<String, String> env = new java.util.HashMap<>(expect.env());
        env.put("HOME", "/root");
        ProjectOptions options = new ProjectOptions(file.getParent(), List.of(file.toString()), null, null, List.of(), List.of(),
                expect.services(), env, () -> "", true);
        if (KNOWN_GAPS.containsKey(fixture)) {
            assertThrows(ComposeException.class, () -> ComposeLoader.load(options).project(), "known gap fixed? " + KNOWN_GAPS.get(fixture));
        } else if (expect.failure() == null) {
            assertDoesNotThrow(() -> ComposeLoader.load(options).project(), fixture + " (" + expect.goTest() + ")");
        } else {
            ComposeException e = assertThrows(ComposeException.class, () -> ComposeLoader.load(options).project(), expect.goTest());
            String message = e.getMessage();
            assertTrue(message.contains(expect.failure()), "expected \"" + expect.failure() + "\" (" + expect.goTest() + "), got: " + message);
            assertTrue(LOCATED.matcher(message).find() || message.contains("no such file") || message.startsWith(file.toString()),
                    "error is not located: " + message);
        }
    }

    /** {@code file:line:col path: reason}. */
    private static final Pattern LOCATED = Pattern.compile("^/\\S+\\.ya?ml:\\d+:\\d+ \\S+: ");

    @Test
    void everyTableRowNamesAStoredFixture() throws IOException {
        List<String> all = fixtures().toList();
        for (String f : EXPECTED.keySet()) {
            assertTrue(all.contains(f), "no such fixture: " + f);
        }
        assertTrue(all.size() > 200, "found only " + all.size() + " fixtures");
    }

    @Test
    void namingAServiceSkipsTheMissingEnvFileOfAnother() {
        Path file = CORPUS.resolve(E2E + "fixtures/env_file/compose.yaml").toAbsolutePath().normalize();
        // compose_environment_test.go TestUnusedMissingEnvFile: `up -d serviceA` works although serviceB's env_file is missing
        ProjectOptions a = new ProjectOptions(file.getParent(), List.of(file.toString()), null, null, List.of(), List.of(),
                List.of("serviceA"), Map.of("HOME", "/root"), () -> "", true);
        assertDoesNotThrow(() -> ComposeLoader.load(a).only(List.of("serviceA")).project());
        ProjectOptions b = new ProjectOptions(file.getParent(), List.of(file.toString()), null, null, List.of(), List.of(),
                List.of("serviceB"), Map.of("HOME", "/root"), () -> "", true);
        assertTrue(assertThrows(ComposeException.class, () -> ComposeLoader.load(b)).getMessage()
                .contains("services.serviceB.env_file: env file /doesnotexist/.env not found"));
    }
}
