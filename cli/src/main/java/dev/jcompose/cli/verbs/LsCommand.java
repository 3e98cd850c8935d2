package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.Verb;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import dev.jcompose.cli.render.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code jcompose ls}: the projects on the engine, found by compose's labels ({@code NAME  STATUS  CONFIG FILES}). */
public final class LsCommand extends Verb {
    boolean all;
    boolean quiet;
    String format = "table";

    static final CommandSpec SPEC = CommandSpec.command("ls", "List running compose projects")
            .flag("Show all stopped Compose projects", "-a", "--all")
            .flag("Only display project names", "-q", "--quiet")
            .option("FORMAT", "Format the output. Values: [table | json]", "--format")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        all = args.flag("--all");
        quiet = args.flag("--quiet");
        format = args.value("--format", "table");
    }

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
        var out = out();
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
