package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.model.Project;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.reconcile.DesiredProject;
import dev.jcompose.planner.reconcile.LifecyclePlans;
import dev.jcompose.planner.reconcile.ObservedState;
import dev.jcompose.planner.reconcile.Reconciliation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The per-container verbs: start, stop, restart (planned, in dependency order), kill, rm — each over the project's containers of the named services. */
public final class ContainerVerbs {
    private ContainerVerbs() {
    }

    abstract static class Base extends ProjectCommand implements Callable<Integer> {
        @Parameters(paramLabel = "SERVICE", arity = "0..*")
        List<String> services = new ArrayList<>();

        abstract void act(EngineClient engine, JsonNode container, String name);

        boolean wants(JsonNode c) {
            return true;
        }

        @Override
        public Integer call() {
            String project = projectName(services);
            try (EngineClient engine = engine()) {
                for (JsonNode c : ProjectContainers.list(engine, project, null)) {
                    String service = c.path("Labels").path(Labels.SERVICE).asText();
                    if ((services.isEmpty() || services.contains(service)) && wants(c)) {
                        act(engine, c, ProjectContainers.name(c));
                    }
                }
            }
            return 0;
        }

        boolean running(JsonNode c) {
            return "running".equals(c.path("State").asText());
        }
    }

    /**
     * start, stop and restart: a plan from {@link LifecyclePlans} (dependency order, parallel as far as
     * the graph allows, bounded by {@code COMPOSE_PARALLEL_LIMIT}) run with docker compose's progress.
     * Without compose files ({@code -p NAME}) the dependencies come from the containers' labels.
     */
    abstract static class Planned extends ProjectCommand implements Callable<Integer> {
        @Parameters(paramLabel = "SERVICE", arity = "0..*")
        List<String> services = new ArrayList<>();

        abstract Plan plan(DesiredProject desired, ObservedState observed);

        /** The progress header's word. */
        abstract String verb();

        /** {@code -t} seconds, or -1 for each container's own. */
        int timeout() {
            return -1;
        }

        @Override
        public Integer call() throws Exception {
            Project project = loadOrNamed(services);
            try (EngineClient engine = engine()) {
                ObservedState observed = ProjectContainers.observe(engine, project.name());
                Plan plan = plan(forTeardown(engine, project, observed), observed);
                return execute(engine, project, new Reconciliation(plan, List.of()), verb(), timeout());
            }
        }
    }

    @Command(name = "stop", description = "Stop services")
    public static final class Stop extends Planned {
        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds")
        Integer timeout;

        @Override
        Plan plan(DesiredProject desired, ObservedState observed) {
            return LifecyclePlans.stop(desired, observed, Set.copyOf(services));
        }

        @Override
        String verb() {
            return "Stopping";
        }

        @Override
        int timeout() {
            return timeout == null ? -1 : timeout;
        }
    }

    @Command(name = "start", description = "Start services")
    public static final class Start extends Planned {
        @Override
        Plan plan(DesiredProject desired, ObservedState observed) {
            return LifecyclePlans.start(desired, observed, Set.copyOf(services));
        }

        @Override
        String verb() {
            return "Starting";
        }
    }

    @Command(name = "restart", description = "Restart service containers")
    public static final class Restart extends Planned {
        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds")
        Integer timeout;

        @Option(names = "--no-deps", description = "Don't restart dependent services")
        boolean noDeps;

        @Override
        Plan plan(DesiredProject desired, ObservedState observed) {
            return LifecyclePlans.restart(desired, observed, Set.copyOf(services), noDeps);
        }

        @Override
        String verb() {
            return "Restarting";
        }

        @Override
        int timeout() {
            return timeout == null ? -1 : timeout;
        }
    }

    @Command(name = "kill", description = "Force stop service containers")
    public static final class Kill extends Base {
        @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "SIGNAL to send to the container")
        String signal = "SIGKILL";

        @Override
        boolean wants(JsonNode c) {
            return running(c);
        }

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.post("/containers/" + c.path("Id").asText() + "/kill?signal=" + signal, null);
            err().println(" Container " + name + "  Killed");
            err().flush();
        }
    }

    @Command(name = "rm", description = "Removes stopped service containers")
    public static final class Remove extends Base {
        @Option(names = {"-f", "--force"}, description = "Don't ask to confirm removal")
        boolean force;

        @Option(names = {"-s", "--stop"}, description = "Stop the containers, if required, before removing")
        boolean stop;

        @Option(names = {"-v", "--volumes"}, description = "Remove any anonymous volumes attached to containers")
        boolean volumes;

        @Override
        boolean wants(JsonNode c) {
            return stop || !running(c);
        }

        @Override
        void act(EngineClient engine, JsonNode c, String name) {
            engine.delete("/containers/" + c.path("Id").asText() + "?force=" + (stop ? 1 : 0) + "&v=" + (volumes ? 1 : 0));
            err().println(" Container " + name + "  Removed");
            err().flush();
        }
    }
}
