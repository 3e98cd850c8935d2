package dev.jcompose.cli.verbs;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.compose.PlanInput;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.model.Project;
import dev.jcompose.planner.reconcile.Reconciler;
import dev.jcompose.planner.reconcile.UpOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose create}: the project's networks, volumes and containers, created and not started (as {@code up --no-start}). */
@Command(name = "create", description = "Creates containers for a service")
public final class CreateCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration and image haven't changed")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them. Incompatible with --force-recreate.")
    boolean noRecreate;

    @Option(names = "--remove-orphans", arity = "0..1", paramLabel = "BOOL", fallbackValue = "true",
            description = "Remove containers for services not defined in the Compose file (default: COMPOSE_REMOVE_ORPHANS)")
    Boolean removeOrphans;

    @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.")
    Map<String, Integer> scale = new LinkedHashMap<>();

    @Option(names = "--pull", paramLabel = "POLICY", description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
    String pull;

    @Option(names = "--quiet-pull", description = "Pull without printing progress information")
    boolean quietPull;

    @Option(names = {"-y", "--yes"}, description = "Assume \"yes\" as answer to all prompts and run non-interactively")
    boolean yes;

    @Option(names = "--no-build", description = "Don't build an image, even if it's policy")
    boolean noBuild;

    @Override
    public Integer call() throws Exception {
        if (forceRecreate && noRecreate) {
            throw new UserError("--force-recreate and --no-recreate are incompatible");
        }
        Project project = load(services);
        UpOptions.Recreate recreate = forceRecreate ? UpOptions.Recreate.FORCE : noRecreate ? UpOptions.Recreate.NEVER : UpOptions.Recreate.DIVERGED;
        UpOptions options = new UpOptions(Set.copyOf(services), false, recreate, false,
                dev.jcompose.cli.compose.RemoveOrphans.resolve(removeOrphans, projectEnvironment()), false);
        try (EngineClient engine = engine()) {
            int pulled = pullForUp(engine, project, services, true, pull, quietPull);
            if (pulled != 0) {
                return pulled;
            }
            var desired = PlanInput.of(project, scale);
            var observed = dev.jcompose.cli.compose.ServiceImageVolumes.add(engine, desired, ProjectContainers.observe(engine, project.name()));
            var reconciliation = Reconciler.up(desired, observed, options);
            return execute(engine, project, reconciliation, "Running", -1);
        }
    }
}
