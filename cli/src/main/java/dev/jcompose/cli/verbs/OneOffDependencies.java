package dev.jcompose.cli.verbs;

import dev.jcompose.cli.compose.PlanInput;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.model.Project;
import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.ServiceGraph;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import dev.jcompose.planner.reconcile.DesiredProject;
import dev.jcompose.planner.reconcile.DesiredService;
import dev.jcompose.planner.reconcile.ObservedState;
import dev.jcompose.planner.reconcile.Reconciler;
import dev.jcompose.planner.reconcile.Reconciliation;
import dev.jcompose.planner.reconcile.UpOptions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code run} needs before its one-off container: the project's networks and volumes, and
 * (unless {@code --no-deps}) the service's dependencies up as {@code up} would bring them, with the
 * service's own depends_on conditions waited on.
 */
final class OneOffDependencies {
    private final ProjectCommand command;
    private final EngineClient engine;
    private final Project project;

    OneOffDependencies(ProjectCommand command, EngineClient engine, Project project) {
        this.command = command;
        this.engine = engine;
        this.project = project;
    }

    /** Returns 0 when everything is in place, else the exit code of the failed plan. */
    int bringUp(String service, boolean noDeps) throws InterruptedException {
        DesiredProject desired = PlanInput.of(project);
        ObservedState observed = ProjectContainers.observe(engine, project.name());
        orphans(desired, observed).ifPresent(w -> {
            command.err().println("WARN[0000] " + w);
            command.err().flush();
        });
        Map<String, List<Dependency>> edges = new LinkedHashMap<>();
        desired.services().forEach(s -> edges.put(s.name(), s.dependencies()));
        Set<String> deps = new LinkedHashSet<>(ServiceGraph.of(edges).withDependencies(Set.of(service)));
        deps.remove(service);
        if (noDeps || deps.isEmpty()) {
            return command.execute(engine, project, infrastructure(desired, observed), "Running", -1);
        }
        var options = new UpOptions(deps, false, UpOptions.Recreate.DIVERGED, false, false, true);
        var up = Reconciler.up(desired, observed, options);
        // run warns about orphans itself (orphans(), which honours COMPOSE_IGNORE_ORPHANS), so not a second time here
        var withoutOrphanWarning = new Reconciliation(up.plan(),
                up.warnings().stream().filter(w -> !w.startsWith("Found orphan containers")).toList(), up.running());
        int code = command.execute(engine, project, withoutOrphanWarning, "Running", -1);
        if (code != 0) {
            return code;
        }
        return command.execute(engine, project, waits(desired, service), "Running", -1);
    }

    /**
     * docker compose's orphans as {@code run} sees them: containers of services not in the file, and
     * one-off containers that have exited; none when {@code COMPOSE_IGNORE_ORPHANS} is true.
     */
    static java.util.Optional<String> orphans(DesiredProject desired, ObservedState observed) {
        if (Boolean.parseBoolean(System.getenv().getOrDefault("COMPOSE_IGNORE_ORPHANS", "false"))) {
            return java.util.Optional.empty();
        }
        Set<String> known = new LinkedHashSet<>();
        desired.services().forEach(s -> known.add(s.name()));
        List<String> names = observed.containers().stream()
                .filter(c -> c.oneoff() ? !c.running() : !known.contains(c.service()))
                .map(c -> c.name()).sorted().toList();
        return names.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("Found orphan containers (" + names
                + ") for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.");
    }

    /** Only the networks and volumes that are missing. */
    private static Reconciliation infrastructure(DesiredProject desired, ObservedState observed) {
        Plan.Builder plan = new Plan.Builder();
        desired.networks().stream().filter(n -> !observed.networks().contains(n)).forEach(n -> plan.add(new Step.CreateNetwork(n), Set.of()));
        desired.volumes().stream().filter(v -> !observed.volumes().contains(v)).forEach(v -> plan.add(new Step.CreateVolume(v), Set.of()));
        return new Reconciliation(plan.build(), List.of());
    }

    /** The service's own depends_on conditions (healthy, completed successfully …) on its direct dependencies. */
    private static Reconciliation waits(DesiredProject desired, String service) {
        Plan.Builder plan = new Plan.Builder();
        DesiredService s = desired.services().stream().filter(d -> d.name().equals(service)).findFirst().orElseThrow();
        for (Dependency d : s.dependencies()) {
            plan.add(new Step.WaitFor(d.target(), d.condition(), d.required()), Set.of());
        }
        return new Reconciliation(plan.build(), List.of());
    }
}
