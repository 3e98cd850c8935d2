package dev.jcompose.cli.verbs;

import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.ProgressPrinter;
import dev.jcompose.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose pull}: pulls the images of the project's services through the engine, all at once
 * ({@link ServicePulls}: on a terminal docker compose's block with each layer's progress bar, else plain
 * lines; nothing with {@code -q}); what is skipped and why is decided by {@link PullPlan}.
 */
@Command(name = "pull", description = "Pull service images")
public final class PullCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignores images with pull failures")
    boolean ignoreFailures;

    @Option(names = "--ignore-buildable", description = "Ignore images that can be built")
    boolean ignoreBuildable;

    @Option(names = "--include-deps", description = "Also pull services declared as dependencies")
    boolean includeDeps;

    @Option(names = "--policy", paramLabel = "string", description = "Apply pull policy (\"missing\"|\"always\")")
    String policy;

    @Option(names = {"-q", "--quiet"}, description = "Pull without printing progress information")
    boolean quiet;

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
