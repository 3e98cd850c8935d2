package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code jcompose top}: for each running container of the project, its name, then its processes as {@code ps -ef} shows them. */
public final class TopCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();

    static final CommandSpec SPEC = CommandSpec.command("top", "Display the running processes")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
    }

    @Override
    public Integer call() {
        String project = projectName(services);
        try (EngineClient engine = engine()) {
            List<JsonNode> running = ProjectContainers.list(engine, project, null).stream()
                    .filter(c -> "running".equals(c.path("State").asText()) || "paused".equals(c.path("State").asText()))
                    .filter(c -> services.isEmpty() || services.contains(c.path("Labels").path(Labels.SERVICE).asText()))
                    .sorted(Comparator.comparing(ProjectContainers::name)).toList();
            for (JsonNode c : running) {
                JsonNode top = engine.get("/containers/" + c.path("Id").asText() + "/top");
                out().println(ProjectContainers.name(c));
                List<String[]> rows = new ArrayList<>();
                top.path("Processes").forEach(p -> rows.add(strings(p)));
                Table.print(out(), strings(top.path("Titles")), rows);
                out().println();
            }
        }
        out().flush();
        return 0;
    }

    private static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out.toArray(String[]::new);
    }
}
