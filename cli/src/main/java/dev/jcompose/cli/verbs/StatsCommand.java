package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
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

/**
 * {@code jcompose stats}: the project's containers' resource use as {@code docker stats} shows it, refreshed every
 * second until interrupted, or once with {@code --no-stream}. Each round takes one single-sample frame per container
 * ({@code one-shot}) and computes CPU % against the frame of the round before, so {@code --no-stream} takes two rounds
 * a second apart (as the engine's {@code stream=false} does).
 */
public final class StatsCommand extends ProjectCommand {
    private static final long INTERVAL_MILLIS = 1000;
    boolean all;
    boolean noStream;
    String format;
    boolean noTrunc;
    String service;

    static final CommandSpec SPEC = CommandSpec.command("stats", "Display a live stream of container(s) resource usage statistics")
            .flag("Show all containers (default shows just running)", "-a", "--all")
            .flag("Disable streaming stats and only pull the first result", "--no-stream")
            .option("FORMAT", "Format output using a custom template: 'table', 'table TEMPLATE', 'json', 'TEMPLATE'", "--format")
            .flag("Do not truncate output", "--no-trunc")
            .positional("SERVICE", 0, 1)
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        all = args.flag("--all");
        noStream = args.flag("--no-stream");
        format = args.value("--format");
        noTrunc = args.flag("--no-trunc");
        service = args.positional(0);
    }

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
