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

    public static LoadedProject load(ProjectOptions options) {
        RawProject raw = ProjectAssembler.assemble(options);
        return new LoadedProject(raw, Normalizer.normalize(raw), options.interpolate());
    }
}
