package dev.jcompose.cli.verbs;

import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.LogStreams;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.LogPrefixer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose logs}: the merged, prefixed output of the project's containers. */
@Command(name = "logs", description = "View output from containers")
public final class LogsCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--follow"}, description = "Follow log output")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Number of lines to show from the end of the logs for each container")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
    boolean timestamps;

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
    boolean noLogPrefix;

    @Override
    public Integer call() throws Exception {
        String project = load(services).name();
        try (EngineClient engine = engine()) {
            var containers = ProjectContainers.list(engine, project, null).stream()
                    .filter(c -> services.isEmpty() || services.contains(c.path("Labels").path(Labels.SERVICE).asText())).toList();
            boolean color = !noColor && System.console() != null;
            new LogStreams(engine, new LogPrefixer(color, !noLogPrefix), System.out, System.err).run(project, containers, follow, tail, timestamps);
        }
        return 0;
    }
}
