package dev.jcompose.model.load.project;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.assemble.ProjectAssembler;
import dev.jcompose.model.load.assemble.ProjectOptions;
import dev.jcompose.model.load.assemble.RawProject;
import dev.jcompose.model.load.normalize.Normalizer;

/**
 * The loading pipeline in one call: files → {@link ProjectAssembler} (discovery, environment,
 * interpolation, long form, extends, include, merge, name, profiles) → {@link Normalizer}
 * (docker compose's canonical shape, consistency) → {@link LoadedProject}, which renders the
 * {@code config} output and binds the typed model. Start reading here.
 */
public final class ComposeLoader {
    private ComposeLoader() {
    }

    /** The variables the compose files use, read from the files as written (for {@code config --variables}). */
    public static java.util.Collection<dev.jcompose.model.load.interpolation.Variables.Variable> variables(ProjectOptions options) {
        java.util.Map<String, String> env = dev.jcompose.model.load.assemble.ProjectEnvironment.load(options.workingDir(),
                options.envFiles().stream().map(options.workingDir()::resolve).toList(), options.osEnv());
        java.util.TreeMap<String, dev.jcompose.model.load.interpolation.Variables.Variable> all = new java.util.TreeMap<>();
        for (String f : dev.jcompose.model.load.assemble.ConfigFiles.resolve(options.workingDir(), options.files(), env,
                new java.util.ArrayList<>())) {
            String text;
            try {
                text = f.equals("-") ? options.stdin().get() : java.nio.file.Files.readString(java.nio.file.Path.of(f));
            } catch (java.io.IOException e) {
                throw new dev.jcompose.model.ComposeException("reading " + f + ": " + e.getMessage());
            }
            for (dev.jcompose.model.load.YNode doc : dev.jcompose.model.load.YamlReader.readAll(f, text)) {
                all.putAll(dev.jcompose.model.load.interpolation.Variables.of(doc));
            }
        }
        return all.values();
    }

    public static LoadedProject load(ProjectOptions options) {
        RawProject raw = ProjectAssembler.assemble(options);
        dev.jcompose.model.load.normalize.NormalizedProject n = Normalizer.normalize(raw, options.consistency(), options.normalize(),
                options.envFilesRequired());
        return new LoadedProject(raw, n.tree(), n.envFiles(), options.interpolate());
    }
}
