package dev.jcompose.model.load.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.load.interpolation.Interpolator;
import dev.jcompose.model.load.output.ConfigHash;
import dev.jcompose.model.load.output.JsonWriter;
import dev.jcompose.model.load.output.YamlWriter;
import dev.jcompose.model.load.schema.SchemaValidator;
import dev.jcompose.model.load.transform.ShortSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every awesome-compose and compose-conformance-tests file (interpolated from an empty environment where it uses variables): read → schema → long form →
 * normalise → write YAML → read back → schema → long form → normalise gives the same tree, and the
 * same JSON and config hashes; the JSON output reads back to the same tree too.
 */
class CorpusRoundTripTest {
    private static final Path AWESOME = dev.jcompose.model.SharedCorpus.path("awesome-compose");
    private static final Path CONFORMANCE = dev.jcompose.model.SharedCorpus.path("compose-conformance-tests/tests");

    private static YMap load(String name, String text, NormalizeContext ctx) {
        YMap file = (YMap) YamlReader.read(name, text).orElseThrow();
        if (text.contains("${")) {
            file = (YMap) new Interpolator(k -> Optional.empty(), w -> { }).interpolate(file, "");
        }
        SchemaValidator.validate(file);
        return Normalizer.normalize(ShortSyntax.expand(file), ctx);
    }

    @Test
    void everyFileRoundTrips() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(AWESOME, 2)) {
            files = s.filter(p -> p.getFileName().toString().matches("(docker-)?compose\\.ya?ml")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "found " + files.size());
        try (Stream<Path> s = Files.walk(CONFORMANCE, 3)) {
            files = Stream.concat(files.stream(), s.filter(p -> p.getFileName().toString().equals("compose.yaml")).sorted()).toList();
        }
        for (Path f : files) {
            Path dir = f.getParent().toAbsolutePath().normalize();
            NormalizeContext ctx = new NormalizeContext(dir.getFileName().toString().toLowerCase(), dir, Map.of("HOME", "/root"), Set.of());
            YMap first = load(f.toString(), Files.readString(f), ctx);
            String yaml = YamlWriter.write(first);
            YMap again = load("printed.yaml", yaml, ctx);
            assertEquals(yaml, YamlWriter.write(again), f + " via YAML");
            assertEquals(JsonWriter.write(first), JsonWriter.write(again), f + " JSON via YAML");
            YMap fromJson = load("printed.json", JsonWriter.write(first), ctx);
            assertEquals(yaml, YamlWriter.write(fromJson), f + " via JSON");
            YMap services = (YMap) first.get("services");
            for (String s : services.entries().keySet()) {
                assertEquals(ConfigHash.of((YMap) services.get(s)), ConfigHash.of((YMap) ((YMap) again.get("services")).get(s)), f + " " + s);
            }
        }
    }
}
