package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import dev.jcompose.model.SharedCorpus;
import dev.jcompose.model.load.assemble.ProjectOptions;
import dev.jcompose.model.load.project.ComposeLoader;
import dev.jcompose.model.load.project.LoadedProject;
import dev.jcompose.model.service.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every docker/compose e2e and compose-go fixture that loads (see {@link FixtureOutcomesTest}) prints as
 * YAML and JSON, and what it prints loads again to the same canonical output, config hashes and typed services
 * (but for their {@code env_file} entries, which {@code config} drops once read, as docker compose does).
 */
class FixtureRoundTripTest {
    private static final Path CORPUS = SharedCorpus.path("");

    @TempDir
    Path dir;

    static Stream<String> loadingFixtures() throws IOException {
        return FixtureOutcomesTest.fixtures().filter(f -> {
            FixtureOutcomesTest.Expect e = FixtureOutcomesTest.EXPECTED.get(f);
            return (e == null || e.failure() == null) && !FixtureOutcomesTest.KNOWN_GAPS.containsKey(f);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loadingFixtures")
    void printsAndLoadsBackToTheSameModel(String fixture) throws IOException {
        Path file = CORPUS.resolve(fixture).toAbsolutePath().normalize();
        FixtureOutcomesTest.Expect expect = FixtureOutcomesTest.EXPECTED.get(fixture);
        Map<String, String> env = new HashMap<>(expect == null ? Map.of() : expect.env());
        env.put("HOME", "/root");
        LoadedProject first = ComposeLoader.load(new ProjectOptions(file.getParent(), List.of(file.toString()), null, null, List.of(),
                List.of(), List.of(), env, () -> "", true));
        for (String format : List.of("yaml", "json")) {
            Path out = dir.resolve("config." + format);
            Files.writeString(out, format.equals("yaml") ? first.yaml() : first.json());
            LoadedProject again = ComposeLoader.load(new ProjectOptions(file.getParent(), List.of(out.toString()), null,
                    file.getParent().toString(), List.of(), List.of(), List.of(), env, () -> "", true));
            assertEquals(first.yaml(), again.yaml(), fixture + " via " + format);
            for (String s : first.serviceNames()) {
                assertEquals(first.configHash(s), again.configHash(s), fixture + " " + s + " via " + format);
            }
            assertEquals(withoutEnvFiles(first.project().services()), again.project().services(), fixture + " typed services via " + format);
        }
    }

    /** The services as their printed form holds them: {@code env_file} entries are read into environment and dropped. */
    private static Map<String, Service> withoutEnvFiles(Map<String, Service> services) {
        Map<String, Service> out = new java.util.LinkedHashMap<>();
        services.forEach((name, s) -> {
            ServiceProcess p = s.process();
            ServiceProcess q = new ServiceProcess(p.command(), p.entrypoint(), p.environment(), List.of(), p.user(), p.groupAdd(),
                    p.workingDir(), p.tty(), p.stdinOpen(), p.init(), p.stopSignal(), p.stopGracePeriod(), p.hostname(), p.domainname(),
                    p.ulimits(), p.sysctls());
            out.put(name, new Service(s.name(), s.image(), s.build(), s.containerName(), s.labels(), s.annotations(), q, s.networking(),
                    s.storage(), s.security(), s.resources(), s.lifecycle(), s.configHash(), s.options(), s.deploy()));
        });
        return out;
    }
}
