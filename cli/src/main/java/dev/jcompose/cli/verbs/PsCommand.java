package dev.jcompose.cli.verbs;

import dev.jcompose.cli.render.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose ps}: the project's containers as docker compose lists them. */
@Command(name = "ps", description = "List containers")
public final class PsCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = {"-a", "--all"}, description = "Show all stopped containers (including those created by the run command)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Option(names = "--services", description = "Display services")
    boolean onlyServices;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output: table (default) or json")
    String format = "table";

    @Override
    public Integer call() {
        String project = load(services).name();
        List<String[]> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (EngineClient engine = engine()) {
            for (JsonNode c : ProjectContainers.list(engine, project, null)) {
                String service = c.path("Labels").path(Labels.SERVICE).asText();
                boolean running = "running".equals(c.path("State").asText());
                if ((!all && !running) || (!services.isEmpty() && !services.contains(service))) {
                    continue;
                }
                if (quiet) {
                    out().println(c.path("Id").asText());
                } else if (onlyServices) {
                    out().println(service);
                } else if (format.equals("json")) {
                    out().println(json.createObjectNode().put("ID", c.path("Id").asText()).put("Name", ProjectContainers.name(c))
                            .put("Image", c.path("Image").asText()).put("Project", project).put("Service", service)
                            .put("State", c.path("State").asText()).put("Status", c.path("Status").asText()).toString());
                } else {
                    String command = c.path("Command").asText();
                    String quoted = "\"" + (command.length() > 20 ? command.substring(0, 19) + "…" : command) + "\"";
                    rows.add(new String[] {ProjectContainers.name(c), c.path("Image").asText(), quoted, service,
                        created(c.path("Created").asLong()), c.path("Status").asText(), ports(c)});
                }
            }
        }
        if (!quiet && !onlyServices && !format.equals("json")) {
            Table.print(out(), new String[] {"NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"}, rows);
        }
        out().flush();
        return 0;
    }

    private static String created(long epochSeconds) {
        long s = Duration.between(Instant.ofEpochSecond(epochSeconds), Instant.now()).getSeconds();
        return s < 60 ? s + " seconds ago" : s < 3600 ? s / 60 + " minutes ago" : s / 3600 + " hours ago";
    }

    private static String ports(JsonNode c) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : c.path("Ports")) {
            String priv = p.path("PrivatePort").asInt() + "/" + p.path("Type").asText();
            out.add(p.has("PublicPort") ? (p.path("IP").asText().isEmpty() ? "0.0.0.0" : p.path("IP").asText()) + ":"
                    + p.path("PublicPort").asInt() + "->" + priv : priv);
        }
        return String.join(", ", out);
    }
}
