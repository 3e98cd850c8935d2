package dev.jcompose.cli.verbs;

import dev.jcompose.cli.compose.PlanInput;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.LogPrefixer;
import dev.jcompose.cli.render.LogPrinter;
import dev.jcompose.model.Project;
import dev.jcompose.planner.graph.Dependency.Condition;
import dev.jcompose.planner.reconcile.Reconciler;
import dev.jcompose.planner.reconcile.UpOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose up}: create and start the project's containers, in dependency order, waiting on depends_on conditions. */
@Command(name = "up", description = "Create and start containers")
public final class UpCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run containers in the background")
    boolean detach;

    @Option(names = "--wait", description = "Wait for services to be running|healthy; implies detached mode")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Maximum duration in seconds to wait for the project to be running|healthy")
    int waitTimeout;

    @Option(names = "--no-start", description = "Don't start the services after creating them")
    boolean noStart;

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration and image haven't changed")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them")
    boolean noRecreate;

    @Option(names = "--always-recreate-deps", description = "Recreate dependent containers")
    boolean alwaysRecreateDeps;

    @Option(names = "--remove-orphans", arity = "0..1", paramLabel = "BOOL", fallbackValue = "true",
            description = "Remove containers for services not defined in the Compose file (default: COMPOSE_REMOVE_ORPHANS)")
    Boolean removeOrphans;

    @Option(names = {"-V", "--renew-anon-volumes"}, description = "Recreate anonymous volumes instead of retrieving data from the previous containers")
    boolean renewAnonVolumes;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout in seconds when recreating")
    int timeout = -1;

    @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances (overrides scale in the Compose file)")
    java.util.Map<String, Integer> scale = new java.util.LinkedHashMap<>();

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
    boolean noLogPrefix;

    @Option(names = "--timestamps", description = "Show timestamps")
    boolean timestamps;

    @Option(names = "--attach", paramLabel = "SERVICE", description = "Restrict attaching to the specified services")
    List<String> attach = new ArrayList<>();

    @Option(names = "--no-attach", paramLabel = "SERVICE", description = "Do not attach (stream logs) to the specified services")
    List<String> noAttach = new ArrayList<>();

    @Option(names = "--abort-on-container-exit", description = "Stops all containers if any container was stopped. Incompatible with -d")
    boolean abortOnExit;

    @Option(names = "--abort-on-container-failure", description = "Stops all containers if any container exited with failure. Incompatible with -d")
    boolean abortOnFailure;

    @Option(names = "--exit-code-from", paramLabel = "SERVICE", description = "Return the exit code of the selected service container. Implies --abort-on-container-exit")
    String exitCodeFrom;

    @Option(names = "--menu", arity = "0..1", paramLabel = "BOOL", description = "Enable interactive shortcuts when running attached (accepted; jcompose has no menu)")
    Boolean menu;

    @Option(names = "--pull", paramLabel = "POLICY", description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
    String pull;

    @Option(names = "--quiet-pull", description = "Pull without printing progress information")
    boolean quietPull;

    /**
     * {@code --wait}, as docker compose: each service's containers running, and healthy where they have a health check
     * ({@code running_or_healthy}, shown as {@code Healthy}); a service another one depends on with
     * {@code service_completed_successfully} must have completed instead (a one-shot job never runs long); a service
     * scaled to 0 is not waited for.
     */
    private int waitForServices(EngineClient engine, Project project) throws InterruptedException {
        var plan = new dev.jcompose.planner.plan.Plan.Builder();
        for (var s : project.services().values()) {
            if (!services.isEmpty() && !services.contains(s.name()) || scale.getOrDefault(s.name(), s.lifecycle().replicas()) == 0) {
                continue;
            }
            plan.add(new dev.jcompose.planner.plan.Step.WaitFor(s.name(), waitCondition(project, s.name()), true), Set.of());
        }
        var r = new dev.jcompose.planner.reconcile.Reconciliation(plan.build(), List.of());
        return executeWithTimeout(engine, project, r, waitTimeout);
    }

    private static Condition waitCondition(Project project, String service) {
        boolean awaitedJob = project.services().values().stream().map(s -> s.lifecycle().dependsOn().get(service))
                .anyMatch(d -> d != null && Condition.of(d.condition()) == Condition.COMPLETED_SUCCESSFULLY);
        return awaitedJob ? Condition.COMPLETED_SUCCESSFULLY : Condition.RUNNING_OR_HEALTHY;
    }

    @Override
    public Integer call() throws Exception {
        if (forceRecreate && noRecreate) {
            throw new dev.jcompose.cli.UserError("--force-recreate and --no-recreate are incompatible");
        }
        boolean abort = abortOnExit || abortOnFailure || exitCodeFrom != null;
        if (detach && abortOnExit) {
            throw new dev.jcompose.cli.UserError("--abort-on-container-exit and --detach are incompatible");
        }
        if (detach && abortOnFailure) {
            throw new dev.jcompose.cli.UserError("--abort-on-container-failure and --detach are incompatible");
        }
        if (abortOnExit && abortOnFailure) {
            throw new dev.jcompose.cli.UserError("--abort-on-container-exit and --abort-on-container-failure are incompatible");
        }
        java.time.Instant began = java.time.Instant.now();
        Project project = load(services);
        if (exitCodeFrom != null && !project.services().containsKey(exitCodeFrom)) {
            throw new dev.jcompose.cli.UserError("no such service: " + exitCodeFrom);
        }
        UpOptions.Recreate recreate = forceRecreate ? UpOptions.Recreate.FORCE : noRecreate ? UpOptions.Recreate.NEVER : UpOptions.Recreate.DIVERGED;
        UpOptions options = new UpOptions(Set.copyOf(services), noDeps, recreate, alwaysRecreateDeps,
                dev.jcompose.cli.compose.RemoveOrphans.resolve(removeOrphans, projectEnvironment()), !noStart, renewAnonVolumes);
        try (EngineClient engine = engine()) {
            int pulled = pullForUp(engine, project, services, !noDeps, pull, quietPull);
            if (pulled != 0) {
                return pulled;
            }
            var desired = PlanInput.of(project, scale);
            var observed = dev.jcompose.cli.compose.ServiceImageVolumes.add(engine, desired, ProjectContainers.observe(engine, project.name()));
            var reconciliation = Reconciler.up(desired, observed, options);
            int code = execute(engine, project, reconciliation, "Running", timeout);
            if (code == 0 && await && !noStart) {
                code = waitForServices(engine, project);
            }
            if (code != 0 || detach || await || noStart) {
                return code;
            }
            boolean color = !noColor && global().ansiEnabled(System.getenv(), System.console() != null);
            LogPrinter printer = LogPrinter.toTerminal(new LogPrefixer(color, !noLogPrefix), timestamps);
            boolean tty = System.console() != null && !"plain".equals(global().progress());
            AttachedUp.Abort how = new AttachedUp.Abort(abort, abortOnFailure, exitCodeFrom);
            return new AttachedUp(engine, project.name(), attachedServices(project), how, timeout < 0 ? null : timeout, printer,
                    new StopProgress(System.err, tty), err()).run(began);
        }
    }

    /** docker compose's choice: {@code --attach} if given, else the named services (all when none), less {@code --no-attach}. */
    private Set<String> attachedServices(Project project) {
        Set<String> out = new java.util.TreeSet<>(!attach.isEmpty() ? attach : !services.isEmpty() ? services : project.services().keySet());
        out.removeAll(noAttach);
        return out;
    }
}
