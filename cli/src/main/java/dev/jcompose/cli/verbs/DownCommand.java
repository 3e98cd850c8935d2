package dev.jcompose.cli.verbs;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.compose.RemoveOrphans;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.model.Project;
import dev.jcompose.planner.reconcile.DownOptions;
import dev.jcompose.planner.reconcile.Teardown;
import java.util.List;

/** {@code jcompose down}: stop and remove containers, then networks, and volumes with {@code -v}. */
public final class DownCommand extends ProjectCommand {
    boolean volumes;
    Boolean removeOrphans;
    int timeout = -1;

    static final CommandSpec SPEC = CommandSpec.command("down", "Stop and remove containers, networks")
            .flag("Remove named volumes declared in the volumes section and anonymous volumes", "-v", "--volumes")
            .flag("Remove containers for services not defined in the Compose file (default: COMPOSE_REMOVE_ORPHANS)", "--remove-orphans")
            .option("SECONDS", "Shutdown timeout in seconds", "-t", "--timeout")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        volumes = args.flag("--volumes");
        removeOrphans = args.flagOrNull("--remove-orphans");
        timeout = args.integer("--timeout", -1);
    }

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
