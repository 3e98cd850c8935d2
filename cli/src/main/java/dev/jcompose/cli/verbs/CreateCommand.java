package dev.jcompose.cli.verbs;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
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

/** {@code jcompose create}: the project's networks, volumes and containers, created and not started (as {@code up --no-start}). */
public final class CreateCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();
    boolean forceRecreate;
    boolean noRecreate;
    Boolean removeOrphans;
    Map<String, Integer> scale = new LinkedHashMap<>();
    String pull;
    boolean quietPull;
    boolean yes;
    boolean noBuild;

    static final CommandSpec SPEC = CommandSpec.command("create", "Creates containers for a service")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .flag("Recreate containers even if their configuration and image haven't changed", "--force-recreate")
            .flag("If containers already exist, don't recreate them. Incompatible with --force-recreate.", "--no-recreate")
            .flag("Remove containers for services not defined in the Compose file (default: COMPOSE_REMOVE_ORPHANS)", "--remove-orphans")
            .repeatable("SERVICE=NUM", "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.", "--scale")
            .option("POLICY", "Pull image before running (\"always\"|\"missing\"|\"never\")", "--pull")
            .flag("Pull without printing progress information", "--quiet-pull")
            .flag("Assume \"yes\" as answer to all prompts and run non-interactively", "-y", "--yes")
            .flag("Don't build an image, even if it's policy", "--no-build")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        forceRecreate = args.flag("--force-recreate");
        noRecreate = args.flag("--no-recreate");
        removeOrphans = args.flagOrNull("--remove-orphans");
        scale = ScaleCommand.parse(args.values("--scale"));
        pull = args.value("--pull");
        quietPull = args.flag("--quiet-pull");
        yes = args.flag("--yes");
        noBuild = args.flag("--no-build");
    }

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
