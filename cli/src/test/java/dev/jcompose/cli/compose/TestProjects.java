package dev.jcompose.cli.compose;

import dev.jcompose.model.Project;
import dev.jcompose.model.load.assemble.ProjectOptions;
import dev.jcompose.model.load.project.ComposeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The typed project of one compose text, written as {@code compose.yaml} in {@code dir} and loaded as the CLI loads it. */
final class TestProjects {
    private TestProjects() {
    }

    static Project load(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(ProjectOptions.discover(dir, Map.of())).project();
    }
}
