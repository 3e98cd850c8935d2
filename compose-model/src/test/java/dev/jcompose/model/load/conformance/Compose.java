package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.load.assemble.ProjectOptions;
import dev.jcompose.model.load.output.YamlWriter;
import dev.jcompose.model.load.project.ComposeLoader;
import dev.jcompose.model.load.project.LoadedProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture for the conformance classes: compose files (text blocks) written into a directory and
 * loaded through the whole pipeline ({@link ComposeLoader}) as project {@code demo}, like
 * {@code docker compose -p demo -f compose.yaml [-f override.yaml] config}. Gives the canonical output of
 * one service attribute or top-level section and the typed model.
 */
final class Compose {
    private final Path dir;
    private final List<String> files = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/me"));
    private List<String> profiles = List.of();

    private Compose(Path dir) {
        this.dir = dir;
    }

    static Compose in(Path dir) {
        return new Compose(dir);
    }

    /** Adds a compose file given with {@code -f} (in order). */
    Compose file(String name, String yaml) {
        write(name, yaml);
        files.add(name);
        return this;
    }

    /** Writes a file the compose files refer to (env files, extends/include targets). */
    Compose write(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Compose env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Compose profiles(String... names) {
        profiles = List.of(names);
        return this;
    }

    LoadedProject load() {
        return ComposeLoader.load(new ProjectOptions(dir, files, "demo", null, List.of(), profiles, List.of(), env, () -> "", true));
    }

    Project project() {
        return load().project();
    }

    Service service(String name) {
        Service s = project().services().get(name);
        if (s == null) {
            throw new AssertionError("no service " + name + " in the typed model");
        }
        return s;
    }

    /** The canonical YAML of {@code services.<service>.<key>} as {@code config} prints it ({@code ""} when absent). */
    String attribute(String service, String key) {
        YMap services = (YMap) canonical().get("services");
        YMap s = (YMap) services.get(service);
        return s == null || !s.has(key) ? "" : YamlWriter.write(YMap.empty(null).with(key, s.get(key)));
    }

    /** The canonical YAML of one top-level section ({@code networks}, {@code volumes}, ...). */
    String section(String key) {
        YMap root = canonical();
        return root.has(key) ? YamlWriter.write(YMap.empty(null).with(key, root.get(key))) : "";
    }

    private YMap canonical() {
        YNode doc = YamlReader.read("config.yaml", load().yaml()).orElseThrow();
        return (YMap) doc;
    }

    /**
     * {@code services.<service>.<key>} of two files merged by the merge stage alone (long form, then
     * {@code TreeMerger}), as compose-go's {@code assertMergeYaml} does: no schema check, no normalisation.
     */
    static String merged(String base, String override, String service, String key) {
        YMap b = dev.jcompose.model.load.transform.ShortSyntax.expand((YMap) YamlReader.read("compose.yaml", base).orElseThrow());
        YMap o = dev.jcompose.model.load.transform.ShortSyntax.expand((YMap) YamlReader.read("override.yaml", override).orElseThrow());
        YMap s = (YMap) ((YMap) dev.jcompose.model.load.merge.TreeMerger.merge(b, o).get("services")).get(service);
        return YamlWriter.write(YMap.empty(null).with(key, s.get(key)));
    }

    String error() {
        return assertThrows(ComposeException.class, () -> load().project()).getMessage();
    }

    Path dir() {
        return dir;
    }
}
