package dev.jcompose.cli.verbs;

import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.model.Project;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose pull}: pulls the images of the project's services through the engine, all at once
 * (the engine bounds the layer downloads and fetches a layer two images share once); what is
 * skipped and why is decided by {@link PullPlan}.
 */
@Command(name = "pull", description = "Pull service images")
public final class PullCommand extends ProjectCommand implements Callable<Integer> {
    private static final int MAX_PARALLEL = 8;

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
            PullPlan plan = PullPlan.of(project, options, image -> present(engine, image));
            if (!quiet) {
                plan.skips().forEach(s -> say(" ✔ " + s.id() + " " + s.text()));
            }
            List<Outcome> outcomes = pullAll(engine, plan.pulls());
            List<String> mustBuild = new ArrayList<>();
            int failures = 0;
            for (Outcome o : outcomes) {
                if (o.error() == null) {
                    continue;
                }
                if (o.pull().buildable()) {
                    mustBuild.add(o.pull().service());
                } else {
                    failures++;
                }
            }
            if (!mustBuild.isEmpty()) {
                say("WARNING: Some service image(s) must be built from source by running:\n    jcompose build " + String.join(" ", mustBuild));
            }
            return failures > 0 && !ignoreFailures ? 1 : 0;
        }
    }

    private record Outcome(PullPlan.Pull pull, EngineException error) {
    }

    private List<Outcome> pullAll(EngineClient engine, List<PullPlan.Pull> pulls) throws InterruptedException {
        if (pulls.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, pulls.size()), r -> {
            Thread t = new Thread(r, "pull");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (PullPlan.Pull p : pulls) {
                running.add(pool.submit(() -> pullOne(engine, p)));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : running) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome pullOne(EngineClient engine, PullPlan.Pull p) {
        String ref = ImageReference.parse(p.image()).toString();
        if (!quiet) {
            say(" " + p.service() + " Pulling (" + ref + ")");
        }
        try {
            engine.stream(HttpMethod.POST, "/images/create?fromImage=" + URLEncoder.encode(ref, StandardCharsets.UTF_8), null, null, m -> {
            });
            if (!quiet) {
                say(" ✔ " + p.service() + " Pulled");
            }
            return new Outcome(p, null);
        } catch (EngineException e) {
            boolean warning = ignoreFailures || p.buildable();
            say((warning ? " ! " : " ✘ ") + p.service() + " " + (warning ? "Warning" : "Error") + " " + e.getMessage());
            return new Outcome(p, e);
        }
    }

    private static boolean present(EngineClient engine, String image) {
        try {
            engine.get("/images/" + dev.jcompose.cli.image.ImagePath.of(ImageReference.parse(image).toString()) + "/json");
            return true;
        } catch (EngineException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    private void say(String line) {
        PrintWriter err = err();
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
