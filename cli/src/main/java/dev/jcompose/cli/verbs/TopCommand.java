package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose top}: for each running container of the project, its name, then its processes as {@code ps -ef} shows them. */
@Command(name = "top", description = "Display the running processes")
public final class TopCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

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
