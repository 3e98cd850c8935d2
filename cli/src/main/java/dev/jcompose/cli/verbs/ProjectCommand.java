package dev.jcompose.cli.verbs;

import dev.jcompose.cli.ProjectLoading;
import dev.jcompose.cli.compose.EngineProjectRuntime;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import dev.jcompose.cli.render.ProgressPrinter;
import dev.jcompose.model.Project;
import dev.jcompose.planner.execute.PlanExecutor;
import dev.jcompose.planner.reconcile.Reconciliation;
import java.time.Duration;
import java.util.List;

/** What the project verbs share: the global flags, loading the project, the engine, running a plan with progress. */
abstract class ProjectCommand extends dev.jcompose.cli.Verb {
    /** The last project {@link #load} loaded, for its environment; null before (or for a project named by {@code -p} alone). */
    private dev.jcompose.model.load.project.LoadedProject loaded;

    Project load(List<String> services) {
        loaded = ProjectLoading.load(global(), services, true, err());
        return loaded.project();
    }

    /**
     * The variables the project was loaded with (the process environment over its {@code .env} or
     * {@code --env-file}s), or the process environment alone when no compose file was loaded.
     */
    java.util.Map<String, String> projectEnvironment() {
        return loaded != null ? loaded.environment() : System.getenv();
    }

    /**
     * The project's name for verbs that work from the containers' labels alone: from the compose
     * files when there are some, else — as docker compose — from {@code -p}/{@code COMPOSE_PROJECT_NAME}
     * when no compose file is given or found (e.g. {@code jcompose -p demo stop} from any directory).
     */
    String projectName(List<String> services) {
        Project p = loadUnlessNamedOnly(services);
        return p == null ? namedProject() : p.name();
    }

    /** The project from its compose files, or null when only {@code -p}/{@code COMPOSE_PROJECT_NAME} names it (see {@link #projectName}). */
    Project loadUnlessNamedOnly(List<String> services) {
        String named = namedProject();
        if (named != null && !named.isEmpty() && global().files().isEmpty() && noComposeFileHere()) {
            return null;
        }
        loaded = ProjectLoading.loadExisting(global(), services, err());
        return loaded.project();
    }

    /** {@link #loadUnlessNamedOnly}, with an empty project (no files, no services) standing for a project named by {@code -p} alone. */
    Project loadOrNamed(List<String> services) {
        Project p = loadUnlessNamedOnly(services);
        return p != null ? p : new Project(namedProject(), java.nio.file.Path.of("").toAbsolutePath(), List.of(), java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
    }

    /** What {@code down} removes: the project's files' resources, or, for a project named by {@code -p} alone, what carries its labels. */
    static dev.jcompose.planner.reconcile.DesiredProject forTeardown(EngineClient engine, Project project,
            dev.jcompose.planner.reconcile.ObservedState observed) {
        return project.configFiles().isEmpty() ? dev.jcompose.cli.compose.LabelledProject.desired(engine, project.name(), observed)
                : dev.jcompose.cli.compose.PlanInput.of(project);
    }

    private String namedProject() {
        return global().projectName() != null ? global().projectName() : System.getenv("COMPOSE_PROJECT_NAME");
    }

    private static boolean noComposeFileHere() {
        try {
            dev.jcompose.model.load.assemble.ConfigFiles.resolve(java.nio.file.Path.of("").toAbsolutePath(), List.of(), System.getenv(),
                    new java.util.ArrayList<>());
            return false;
        } catch (dev.jcompose.model.ComposeException e) {
            return true;
        }
    }

    EngineClient engine() {
        return EngineConnection.connect(System.getenv());
    }

    /**
     * docker compose's progress display on stderr, headed {@code verb}: a block redrawn in place on a
     * terminal (or with {@code --progress tty}), cut to its width; plain lines with {@code --progress plain}
     * or when there is no terminal.
     */
    ProgressPrinter progressPrinter(String verb) {
        String mode = global().progress();
        boolean tty = "tty".equals(mode) || System.console() != null && !"plain".equals(mode);
        ProgressPrinter printer = new ProgressPrinter(System.err, tty, verb);
        int[] size = tty ? dev.jcompose.cli.terminal.Terminal.size(2) : null;
        return size == null ? printer : printer.width(size[1]);
    }

    /**
     * Pulls the images {@code up}/{@code create} need and miss ({@link PullPlan#forUp}), shown in a
     * {@code Pulling} block unless {@code quiet}; returns 1 when an image that cannot be built failed
     * (its error shown), else 0. A buildable service's failure is a warning, as docker compose.
     */
    int pullForUp(EngineClient engine, Project project, List<String> services, boolean includeDeps, String pullFlag, boolean quiet)
            throws InterruptedException {
        PullPlan plan = PullPlan.forUp(project, services, includeDeps, pullFlag, image -> ServicePulls.present(engine, image));
        ProgressPrinter progress = quiet || "quiet".equals(global().progress()) || plan.pulls().isEmpty() ? null : progressPrinter("Pulling");
        int code = 0;
        for (ServicePulls.Outcome o : new ServicePulls(engine, progress, false).pullAll(plan.pulls())) {
            if (o.error() != null && !o.pull().buildable()) {
                if (progress == null) {
                    err().println("Error " + o.pull().service() + ": " + o.error().getMessage());
                }
                code = 1;
            }
        }
        err().flush();
        return code;
    }

    /** Runs a plan with docker compose's progress output on stderr; returns the exit code (1 when a step failed). */
    int execute(EngineClient engine, Project project, Reconciliation r, String verb, int stopTimeout) throws InterruptedException {
        return run(engine, project, r, verb, stopTimeout, null);
    }

    /** Runs waits with an overall limit ({@code --wait-timeout}; 0 for none). */
    int executeWithTimeout(EngineClient engine, Project project, Reconciliation r, int seconds) throws InterruptedException {
        return run(engine, project, r, "Running", -1, seconds > 0 ? Duration.ofSeconds(seconds) : null);
    }

    private int run(EngineClient engine, Project project, Reconciliation r, String verb, int stopTimeout, Duration waitLimit)
            throws InterruptedException {
        r.warnings().forEach(w -> err().println("WARN[0000] " + w));
        err().flush();
        ProgressPrinter progress = progressPrinter(verb);
        String limit = System.getenv().getOrDefault("COMPOSE_PARALLEL_LIMIT", "");
        // docker compose's default is no limit (-1); the executor caps "no limit" at 64 steps at once
        int parallel = limit.matches("[0-9]+") ? Integer.parseInt(limit) : 0;
        PlanExecutor executor = new PlanExecutor(new EngineProjectRuntime(engine, project, stopTimeout), parallel,
                Duration.ofMillis(200), waitLimit, progress::event);
        r.running().forEach(name -> progress.event("Container " + name, "Running", null, true));
        PlanExecutor.Result result = executor.execute(r.plan());
        progress.finish();
        for (String e : result.errors()) {
            err().println("Error " + e);
        }
        err().flush();
        return result.ok() ? 0 : 1;
    }
}
