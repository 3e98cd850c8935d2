package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.cli.render.StatsEntry;
import dev.jcompose.cli.render.StatsFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose stats}: the project's containers' resource use as {@code docker stats} shows it, refreshed every
 * second until interrupted, or once with {@code --no-stream}. Each round takes one single-sample frame per container
 * ({@code one-shot}) and computes CPU % against the frame of the round before, so {@code --no-stream} takes two rounds
 * a second apart (as the engine's {@code stream=false} does).
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics")
public final class StatsCommand extends ProjectCommand implements Callable<Integer> {
    private static final long INTERVAL_MILLIS = 1000;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
    boolean all;

    @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result")
    boolean noStream;

    @Option(names = "--format", description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json', 'TEMPLATE'")
    String format;

    @Option(names = "--no-trunc", description = "Do not truncate output")
    boolean noTrunc;

    @Parameters(paramLabel = "SERVICE", arity = "0..1")
    String service;

    @Override
    public Integer call() throws InterruptedException {
        StatsFormat rows = new StatsFormat(format, !noTrunc);
        String project = projectName(service == null ? List.of() : List.of(service));
        try (EngineClient engine = engine()) {
            Map<String, JsonNode> previous = new HashMap<>();
            List<StatsEntry> entries = round(engine, project, previous);
            if (noStream) {
                if (!previous.isEmpty()) {
                    Thread.sleep(INTERVAL_MILLIS);
                    entries = round(engine, project, previous);
                }
                rows.print(out(), entries);
                out().flush();
                return 0;
            }
            while (true) {
                // as the docker CLI redraws: cursor home, each line then clear to its end, clear what is below
                java.io.StringWriter table = new java.io.StringWriter();
                rows.print(new java.io.PrintWriter(table), entries);
                out().print("\033[H" + table.toString().replace("\n", "\033[K\n") + "\033[J");
                out().flush();
                Thread.sleep(INTERVAL_MILLIS);
                entries = round(engine, project, previous);
            }
        }
    }

    /** One frame per selected container, as rows by name; {@code previous} holds each container's frame for the next round. */
    private List<StatsEntry> round(EngineClient engine, String project, Map<String, JsonNode> previous) {
        List<StatsEntry> entries = new ArrayList<>();
        Map<String, JsonNode> seen = new HashMap<>();
        List<JsonNode> containers = ProjectContainers.list(engine, project, service).stream()
                .filter(c -> all || "running".equals(c.path("State").asText()) || "paused".equals(c.path("State").asText()))
                .sorted(Comparator.comparing(ProjectContainers::name)).toList();
        for (JsonNode c : containers) {
            String id = c.path("Id").asText();
            JsonNode frame;
            try {
                frame = engine.get("/containers/" + id + "/stats?stream=false&one-shot=true");
            } catch (EngineException e) {
                continue; // removed since it was listed
            }
            entries.add(StatsEntry.of(id, frame, previous.get(id)));
            seen.put(id, frame);
        }
        previous.clear();
        previous.putAll(seen);
        return entries;
    }
}
