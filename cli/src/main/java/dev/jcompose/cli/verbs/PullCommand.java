package dev.jcompose.cli.verbs;

import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jetty.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose pull}: pulls the images of the project's services (those that name an image). */
@Command(name = "pull", description = "Pull service images")
public final class PullCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignores images with pull failures")
    boolean ignoreFailures;

    @Option(names = {"-q", "--quiet"}, description = "Pull without printing progress information")
    boolean quiet;

    @Override
    public Integer call() {
        Project project = load(services);
        int failures = 0;
        try (EngineClient engine = engine()) {
            for (Service s : project.services().values()) {
                if (s.image() == null || (!services.isEmpty() && !services.contains(s.name()))) {
                    continue;
                }
                String ref = dev.jcompose.engine.image.ref.ImageReference.parse(s.image()).toString();
                if (!quiet) {
                    err().println(" " + s.name() + " Pulling (" + ref + ")");
                    err().flush();
                }
                try {
                    engine.stream(HttpMethod.POST, "/images/create?fromImage=" + URLEncoder.encode(ref, StandardCharsets.UTF_8), null, null,
                            m -> {
                            });
                    if (!quiet) {
                        err().println(" ✔ " + s.name() + " Pulled");
                    }
                } catch (EngineException e) {
                    failures++;
                    err().println((ignoreFailures ? " ! " : " ✘ ") + s.name() + " " + (ignoreFailures ? "Warning" : "Error") + " " + e.getMessage());
                }
                err().flush();
            }
        }
        return failures > 0 && !ignoreFailures ? 1 : 0;
    }
}
