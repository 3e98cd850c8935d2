package dev.jcompose.cli.verbs;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectEvent;
import dev.jcompose.cli.engine.EngineClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpMethod;

/** {@code jcompose events}: the engine's container events for this project (and the named services), as they happen. */
public final class EventsCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();
    boolean json;
    String since;
    String until;

    static final CommandSpec SPEC = CommandSpec.command("events", "Receive real time events from containers")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .flag("Output events as a stream of json objects", "--json")
            .option("TIMESTAMP", "Show all events created since timestamp", "--since")
            .option("TIMESTAMP", "Stream events until this timestamp", "--until")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        json = args.flag("--json");
        since = args.value("--since");
        until = args.value("--until");
    }

    @Override
    public Integer call() {
        dev.jcompose.model.Project loaded = loadUnlessNamedOnly(services);
        if (loaded != null) {
            services.forEach(loaded::service); // as docker compose: "no such service: X" for a service not in the files
        }
        String project = loaded != null ? loaded.name() : projectName(services);
        String filters = "{\"type\":[\"container\"],\"label\":[\"" + Labels.PROJECT + "=" + project + "\"]}";
        String path = "/events?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8)
                + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8))
                + (until == null ? "" : "&until=" + URLEncoder.encode(until, StandardCharsets.UTF_8));
        ZoneId zone = ZoneId.systemDefault();
        try (EngineClient engine = engine()) {
            engine.stream(HttpMethod.GET, path, null, null, message -> {
                ProjectEvent e = ProjectEvent.of(message);
                if (services.isEmpty() || services.contains(e.service())) {
                    out().println(json ? e.json() : e.text(zone));
                    out().flush();
                }
            });
        }
        return 0;
    }
}
