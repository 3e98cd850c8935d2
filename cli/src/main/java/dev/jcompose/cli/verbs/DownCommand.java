package dev.jcompose.cli.verbs;

import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.compose.RemoveOrphans;
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

    @Option(names = "--remove-orphans", arity = "0..1", paramLabel = "BOOL", fallbackValue = "true",
            description = "Remove containers for services not defined in the Compose file (default: COMPOSE_REMOVE_ORPHANS)")
    Boolean removeOrphans;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout in seconds")
    int timeout = -1;

    @Override
    public Integer call() throws Exception {
        Project project = loadOrNamed(List.of());
        try (EngineClient engine = engine()) {
            var observed = ProjectContainers.observe(engine, project.name());
            var desired = forTeardown(engine, project, observed);
            var r = Teardown.down(desired, observed, new DownOptions(volumes, RemoveOrphans.resolve(removeOrphans, projectEnvironment())));
            return execute(engine, project, r, "Running", timeout);
        }
    }
}
