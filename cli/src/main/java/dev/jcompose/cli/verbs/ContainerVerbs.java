package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.model.Project;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.reconcile.ConfigDrift;
import dev.jcompose.planner.reconcile.DesiredProject;
import dev.jcompose.planner.reconcile.LifecyclePlans;
import dev.jcompose.planner.reconcile.ObservedState;
import dev.jcompose.planner.reconcile.Reconciliation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The per-container verbs: start, stop, restart (planned, in dependency order), kill, rm — each over the project's containers of the named services. */
public final class ContainerVerbs {
    private ContainerVerbs() {
    }

    abstract static class Base extends ProjectCommand {
        List<String> services = new ArrayList<>();

        @Override
        protected void bind(ParsedArgs args) {
            services = args.positionals();
        }

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
    abstract static class Planned extends ProjectCommand {
        List<String> services = new ArrayList<>();
        /** {@code -t} seconds (stop, restart), or -1 for each container's own. */
        int timeout = -1;

        @Override
        protected void bind(ParsedArgs args) {
            services = args.positionals();
            timeout = spec().option("--timeout") == null ? -1 : args.integer("--timeout", -1);
        }

        abstract Plan plan(DesiredProject desired, ObservedState observed);

        /** The progress header's word. */
        abstract String verb();

        /** Whether this verb runs containers as they are, so one made from an older configuration deserves a warning. */
        boolean runsContainersAsTheyAre() {
            return false;
        }

        @Override
        public Integer call() throws Exception {
            Project project = loadOrNamed(services);
            try (EngineClient engine = engine()) {
                ObservedState observed = ProjectContainers.observe(engine, project.name());
                DesiredProject desired = forTeardown(engine, project, observed);
                if (runsContainersAsTheyAre() && !project.configFiles().isEmpty()) {
                    ConfigDrift.of(desired, observed, Set.copyOf(services)).forEach(o -> err().println("WARN[0000] " + ConfigDrift.warning(o)));
                }
                Plan plan = plan(desired, observed);
                return execute(engine, project, new Reconciliation(plan, List.of()), verb(), timeout);
            }
        }
    }

    public static final class Stop extends Planned {
        static final CommandSpec SPEC = CommandSpec.command("stop", "Stop services")
                .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
                .option("SECONDS", "Specify a shutdown timeout in seconds", "-t", "--timeout")
                .build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        Plan plan(DesiredProject desired, ObservedState observed) {
            return LifecyclePlans.stop(desired, observed, Set.copyOf(services));
        }

        @Override
        String verb() {
            return "Stopping";
        }
    }

    public static final class Start extends Planned {
        static final CommandSpec SPEC = CommandSpec.command("start", "Start services")
                .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
                .build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        boolean runsContainersAsTheyAre() {
            return true;
        }

        @Override
        Plan plan(DesiredProject desired, ObservedState observed) {
            return LifecyclePlans.start(desired, observed, Set.copyOf(services));
        }

        @Override
        String verb() {
            return "Starting";
        }
    }

    public static final class Restart extends Planned {
        boolean noDeps;

        static final CommandSpec SPEC = CommandSpec.command("restart", "Restart service containers")
                .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
                .option("SECONDS", "Specify a shutdown timeout in seconds", "-t", "--timeout")
                .flag("Don't restart dependent services", "--no-deps")
                .build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        protected void bind(ParsedArgs args) {
            super.bind(args);
            noDeps = args.flag("--no-deps");
        }

        @Override
        boolean runsContainersAsTheyAre() {
            return true;
        }

        @Override
        Plan plan(DesiredProject desired, ObservedState observed) {
            return LifecyclePlans.restart(desired, observed, Set.copyOf(services), noDeps);
        }

        @Override
        String verb() {
            return "Restarting";
        }
    }

    public static final class Kill extends Base {
        String signal = "SIGKILL";

        static final CommandSpec SPEC = CommandSpec.command("kill", "Force stop service containers")
                .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
                .option("SIGNAL", "SIGNAL to send to the container", "-s", "--signal")
                .build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        protected void bind(ParsedArgs args) {
            super.bind(args);
            signal = args.value("--signal", "SIGKILL");
        }

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

    public static final class Remove extends Base {
        boolean force;

        boolean stop;

        boolean volumes;

        static final CommandSpec SPEC = CommandSpec.command("rm", "Removes stopped service containers")
                .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
                .flag("Don't ask to confirm removal", "-f", "--force")
                .flag("Stop the containers, if required, before removing", "-s", "--stop")
                .flag("Remove any anonymous volumes attached to containers", "-v", "--volumes")
                .build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        protected void bind(ParsedArgs args) {
            super.bind(args);
            force = args.flag("--force");
            stop = args.flag("--stop");
            volumes = args.flag("--volumes");
        }

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
