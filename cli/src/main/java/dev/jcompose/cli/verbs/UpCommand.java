package dev.jcompose.cli.verbs;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
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

/** {@code jcompose up}: create and start the project's containers, in dependency order, waiting on depends_on conditions. */
public final class UpCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();
    boolean detach;
    boolean await;
    int waitTimeout;
    boolean noStart;
    boolean forceRecreate;
    boolean noRecreate;
    boolean alwaysRecreateDeps;
    Boolean removeOrphans;
    boolean renewAnonVolumes;
    boolean noDeps;
    int timeout = -1;
    java.util.Map<String, Integer> scale = new java.util.LinkedHashMap<>();
    boolean noColor;
    boolean noLogPrefix;
    boolean timestamps;
    List<String> attach = new ArrayList<>();
    List<String> noAttach = new ArrayList<>();
    boolean abortOnExit;
    boolean abortOnFailure;
    String exitCodeFrom;
    Boolean menu;
    String pull;
    boolean quietPull;

    static final CommandSpec SPEC = CommandSpec.command("up", "Create and start containers")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .flag("Detached mode: run containers in the background", "-d", "--detach")
            .flag("Wait for services to be running|healthy; implies detached mode", "--wait")
            .option("SECONDS", "Maximum duration in seconds to wait for the project to be running|healthy", "--wait-timeout")
            .flag("Don't start the services after creating them", "--no-start")
            .flag("Recreate containers even if their configuration and image haven't changed", "--force-recreate")
            .flag("If containers already exist, don't recreate them", "--no-recreate")
            .flag("Recreate dependent containers", "--always-recreate-deps")
            .flag("Remove containers for services not defined in the Compose file (default: COMPOSE_REMOVE_ORPHANS)", "--remove-orphans")
            .flag("Recreate anonymous volumes instead of retrieving data from the previous containers", "-V", "--renew-anon-volumes")
            .flag("Don't start linked services", "--no-deps")
            .option("SECONDS", "Shutdown timeout in seconds when recreating", "-t", "--timeout")
            .repeatable("SERVICE=NUM", "Scale SERVICE to NUM instances (overrides scale in the Compose file)", "--scale")
            .flag("Produce monochrome output", "--no-color")
            .flag("Don't print prefix in logs", "--no-log-prefix")
            .flag("Show timestamps", "--timestamps")
            .repeatable("SERVICE", "Restrict attaching to the specified services", "--attach")
            .repeatable("SERVICE", "Do not attach (stream logs) to the specified services", "--no-attach")
            .flag("Stops all containers if any container was stopped. Incompatible with -d", "--abort-on-container-exit")
            .flag("Stops all containers if any container exited with failure. Incompatible with -d", "--abort-on-container-failure")
            .option("SERVICE", "Return the exit code of the selected service container. Implies --abort-on-container-exit", "--exit-code-from")
            .flag("Enable interactive shortcuts when running attached (accepted; jcompose has no menu)", "--menu")
            .option("POLICY", "Pull image before running (\"always\"|\"missing\"|\"never\")", "--pull")
            .flag("Pull without printing progress information", "--quiet-pull")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        detach = args.flag("--detach");
        await = args.flag("--wait");
        waitTimeout = args.integer("--wait-timeout", 0);
        noStart = args.flag("--no-start");
        forceRecreate = args.flag("--force-recreate");
        noRecreate = args.flag("--no-recreate");
        alwaysRecreateDeps = args.flag("--always-recreate-deps");
        removeOrphans = args.flagOrNull("--remove-orphans");
        renewAnonVolumes = args.flag("--renew-anon-volumes");
        noDeps = args.flag("--no-deps");
        timeout = args.integer("--timeout", -1);
        scale = ScaleCommand.parse(args.values("--scale"));
        noColor = args.flag("--no-color");
        noLogPrefix = args.flag("--no-log-prefix");
        timestamps = args.flag("--timestamps");
        attach = args.values("--attach");
        noAttach = args.values("--no-attach");
        abortOnExit = args.flag("--abort-on-container-exit");
        abortOnFailure = args.flag("--abort-on-container-failure");
        exitCodeFrom = args.value("--exit-code-from");
        menu = args.flagOrNull("--menu");
        pull = args.value("--pull");
        quietPull = args.flag("--quiet-pull");
    }

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
