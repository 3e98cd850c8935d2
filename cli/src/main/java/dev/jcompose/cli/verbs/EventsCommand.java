package dev.jcompose.cli.verbs;

import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectEvent;
import dev.jcompose.cli.engine.EngineClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jetty.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose events}: the engine's container events for this project (and the named services), as they happen. */
@Command(name = "events", description = "Receive real time events from containers")
public final class EventsCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = "--json", description = "Output events as a stream of json objects")
    boolean json;

    @Option(names = "--since", paramLabel = "TIMESTAMP", description = "Show all events created since timestamp")
    String since;

    @Option(names = "--until", paramLabel = "TIMESTAMP", description = "Stream events until this timestamp")
    String until;

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
