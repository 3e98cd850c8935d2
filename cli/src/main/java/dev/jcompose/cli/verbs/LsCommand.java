package dev.jcompose.cli.verbs;

import dev.jcompose.cli.render.Table;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jcompose ls}: the projects on the engine, found by compose's labels ({@code NAME  STATUS  CONFIG FILES}). */
@Command(name = "ls", description = "List running compose projects")
public final class LsCommand implements Callable<Integer> {
    @Option(names = {"-a", "--all"}, description = "Show all stopped Compose projects")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display project names")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output. Values: [table | json]")
    String format = "table";

    @Spec
    CommandSpec spec;

    private record ProjectInfo(Map<String, Integer> states, String configFiles) {
    }

    @Override
    public Integer call() {
        Map<String, ProjectInfo> projects = new TreeMap<>();
        try (EngineClient engine = EngineConnection.connect(System.getenv())) {
            String filter = URLEncoder.encode("{\"label\":[\"" + Labels.PROJECT + "\"]}", StandardCharsets.UTF_8);
            for (JsonNode c : engine.get("/containers/json?all=1&filters=" + filter)) {
                String name = c.path("Labels").path(Labels.PROJECT).asText();
                ProjectInfo p = projects.computeIfAbsent(name, k -> new ProjectInfo(new TreeMap<>(),
                        c.path("Labels").path(Labels.CONFIG_FILES).asText()));
                p.states().merge(c.path("State").asText(), 1, Integer::sum);
            }
        }
        var out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        projects.forEach((name, p) -> {
            if (!all && !p.states().containsKey("running")) {
                return;
            }
            List<String> parts = new ArrayList<>();
            p.states().forEach((state, n) -> parts.add(state + "(" + n + ")"));
            String status = String.join(", ", parts);
            if (quiet) {
                out.println(name);
            }
            rows.add(new String[] {name, status, p.configFiles()});
            json.append(json.length() > 1 ? "," : "").append("{\"Name\":\"").append(name).append("\",\"Status\":\"").append(status)
                    .append("\",\"ConfigFiles\":\"").append(p.configFiles().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}");
        });
        if (!quiet) {
            if (format.equals("json")) {
                out.println(json.append("]"));
            } else {
                Table.print(out, new String[] {"NAME", "STATUS", "CONFIG FILES"}, rows);
            }
        }
        out.flush();
        return 0;
    }
}
