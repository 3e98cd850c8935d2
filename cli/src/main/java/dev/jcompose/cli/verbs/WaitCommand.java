package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.model.Project;
import dev.jcompose.planner.reconcile.Teardown;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code jcompose wait SERVICE…}: blocks until the first container of the named services stops, and exits with its exit code. */
public final class WaitCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();
    boolean downProject;

    static final CommandSpec SPEC = CommandSpec.command("wait", "Block until containers of all (or specified) services stop.")
            .positional("SERVICE", 1, PositionalSpec.UNBOUNDED)
            .flag("Drops project when the first container stops", "--down-project")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        downProject = args.flag("--down-project");
    }

    @Override
    public Integer call() throws Exception {
        Project project = loadOrNamed(services);
        try (EngineClient engine = engine()) {
            List<JsonNode> containers = ProjectContainers.list(engine, project.name(), null).stream()
                    .filter(c -> services.contains(c.path("Labels").path(Labels.SERVICE).asText()))
                    .filter(c -> !"True".equalsIgnoreCase(c.path("Labels").path(Labels.ONEOFF).asText()))
                    .toList();
            if (containers.isEmpty()) {
                throw new UserError("no containers for the services " + String.join(", ", services) + " in project " + project.name());
            }
            ExecutorService pool = Executors.newFixedThreadPool(containers.size(), r -> {
                Thread t = new Thread(r, "wait");
                t.setDaemon(true);
                return t;
            });
            try {
                CompletableFuture<Integer> first = new CompletableFuture<>();
                for (JsonNode c : containers) {
                    pool.submit(() -> {
                        try {
                            first.complete(engine.post("/containers/" + c.path("Id").asText() + "/wait", null).path("StatusCode").asInt(1));
                        } catch (RuntimeException e) {
                            first.completeExceptionally(e);
                        }
                    });
                }
                int code = first.join();
                if (downProject) {
                    var observed = ProjectContainers.observe(engine, project.name());
                    var plan = Teardown.down(forTeardown(engine, project, observed), observed, dev.jcompose.planner.reconcile.DownOptions.DEFAULT);
                    execute(engine, project, plan, "Running", -1);
                }
                return code;
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
