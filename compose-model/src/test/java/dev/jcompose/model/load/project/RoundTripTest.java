package dev.jcompose.model.load.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.load.assemble.ProjectOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue check: every awesome-compose project prints (YAML and JSON), and what it prints loads again
 * to the same model — the same canonical output and the same config hashes.
 */
class RoundTripTest {
    private static final Path AWESOME = dev.jcompose.model.SharedCorpus.path("awesome-compose");

    @TempDir
    Path dir;

    @Test
    void canonicalOutputLoadsBackToTheSameModel() throws IOException {
        int checked = 0;
        try (Stream<Path> dirs = Files.list(AWESOME)) {
            for (Path d : dirs.sorted().toList()) {
                if (Stream.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml").noneMatch(f -> Files.exists(d.resolve(f)))) {
                    continue;
                }
                LoadedProject first = ComposeLoader.load(ProjectOptions.discover(d, Map.of("HOME", "/root")));
                for (String format : List.of("yaml", "json")) {
                    Path out = dir.resolve(d.getFileName() + "." + format);
                    Files.writeString(out, format.equals("yaml") ? first.yaml() : first.json());
                    LoadedProject again = ComposeLoader.load(new ProjectOptions(d, List.of(out.toString()), null,
                            d.toAbsolutePath().normalize().toString(), List.of(),
                            List.of("*"), List.of(), Map.of("HOME", "/root"), () -> "", true));
                    assertEquals(first.yaml(), again.yaml(), d + " via " + format);
                    for (String s : first.serviceNames()) {
                        assertEquals(first.configHash(s), again.configHash(s), d + " " + s + " via " + format);
                    }
                    var a = first.project();
                    var b = again.project();
                    assertEquals(a.workingDir(), b.workingDir(), d + " project directory via " + format);
                    assertEquals(a.services(), b.services(), d + " typed services via " + format);
                    assertEquals(a.networks(), b.networks(), d + " networks via " + format);
                    assertEquals(a.volumes(), b.volumes(), d + " volumes via " + format);
                    assertEquals(a.secrets(), b.secrets(), d + " secrets via " + format);
                }
                checked++;
            }
        }
        assertEquals(true, checked >= 30, "checked " + checked + " projects");
    }
}
