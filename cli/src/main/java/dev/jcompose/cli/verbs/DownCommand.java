package dev.jcompose.cli.verbs;

import dev.jcompose.cli.compose.LabelledProject;
import dev.jcompose.cli.compose.PlanInput;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.model.Project;
import dev.jcompose.planner.reconcile.DownOptions;
import dev.jcompose.planner.reconcile.Teardown;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose down}: stop and remove containers, then networks, and volumes with {@code -v}. */
@Command(name = "down", description = "Stop and remove containers, networks")
public final class DownCommand extends ProjectCommand implements Callable<Integer> {
    @Option(names = {"-v", "--volumes"}, description = "Remove named volumes declared in the volumes section and anonymous volumes")
    boolean volumes;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout in seconds")
    int timeout = -1;

    @Override
    public Integer call() throws Exception {
        Project loaded = loadUnlessNamedOnly(List.of());
        // with no compose file, -p alone names the project: what to remove comes from the labels
        Project project = loaded != null ? loaded : new Project(projectName(List.of()), java.nio.file.Path.of("").toAbsolutePath(),
                List.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        try (EngineClient engine = engine()) {
            var observed = ProjectContainers.observe(engine, project.name());
            var desired = loaded != null ? PlanInput.of(project) : LabelledProject.desired(engine, project.name(), observed);
            var r = Teardown.down(desired, observed, new DownOptions(volumes, removeOrphans));
            return execute(engine, project, r, "Running", timeout);
        }
    }
}
