package dev.jcompose.cli.verbs;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.ProgressPrinter;
import dev.jcompose.model.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose pull}: pulls the images of the project's services through the engine, all at once
 * ({@link ServicePulls}: on a terminal docker compose's block with each layer's progress bar, else plain
 * lines; nothing with {@code -q}); what is skipped and why is decided by {@link PullPlan}.
 */
public final class PullCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();
    boolean ignoreFailures;
    boolean ignoreBuildable;
    boolean includeDeps;
    String policy;
    boolean quiet;

    static final CommandSpec SPEC = CommandSpec.command("pull", "Pull service images")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .flag("Pull what it can and ignores images with pull failures", "--ignore-pull-failures")
            .flag("Ignore images that can be built", "--ignore-buildable")
            .flag("Also pull services declared as dependencies", "--include-deps")
            .option("string", "Apply pull policy (\"missing\"|\"always\")", "--policy")
            .flag("Pull without printing progress information", "-q", "--quiet")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        ignoreFailures = args.flag("--ignore-pull-failures");
        ignoreBuildable = args.flag("--ignore-buildable");
        includeDeps = args.flag("--include-deps");
        policy = args.value("--policy");
        quiet = args.flag("--quiet");
    }

    @Override
    public Integer call() throws InterruptedException {
        PullPlan.Options options = new PullPlan.Options(services, includeDeps, policy, ignoreBuildable);
        Project project = load(services);
        try (EngineClient engine = engine()) {
            PullPlan plan = PullPlan.of(project, options, image -> ServicePulls.present(engine, image));
            ProgressPrinter progress = quiet || "quiet".equals(global().progress()) ? null : progressPrinter("Pulling");
            if (progress != null) {
                plan.skips().forEach(s -> progress.event(s.id(), s.text(), null, true));
            }
            List<ServicePulls.Outcome> outcomes = new ServicePulls(engine, progress, ignoreFailures).pullAll(plan.pulls());
            List<String> mustBuild = new ArrayList<>();
            int failures = 0;
            for (ServicePulls.Outcome o : outcomes) {
                if (o.error() == null) {
                    continue;
                }
                if (o.pull().buildable()) {
                    mustBuild.add(o.pull().service());
                } else {
                    failures++;
                    if (progress == null && !ignoreFailures) {
                        err().println(o.pull().service() + " Error " + o.error().getMessage());
                    }
                }
            }
            if (!mustBuild.isEmpty()) {
                err().println("WARNING: Some service image(s) must be built from source by running:\n    jcompose build " + String.join(" ", mustBuild));
            }
            err().flush();
            return failures > 0 && !ignoreFailures ? 1 : 0;
        }
    }
}
