package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.compose.RawStreams;
import dev.jcompose.cli.engine.EngineClient;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jetty.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose exec SERVICE COMMAND…}: runs a command in a service's running container and exits
 * with its exit code. Output only for now ({@code -T}); an interactive TTY needs the hijacked stream.
 */
@Command(name = "exec", description = "Execute a command in a running container")
public final class ExecCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "1..*")
    List<String> command = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run the command as this user")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Path to workdir directory for this command")
    String workdir;

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if service has multiple replicas")
    int index = 1;

    @Option(names = "--privileged", description = "Give extended privileges to the process")
    boolean privileged;

    @Option(names = {"-T", "--no-TTY"}, description = "Disable pseudo-TTY allocation (the only mode for now)")
    boolean noTty;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run command in the background")
    boolean detach;

    @Override
    public Integer call() throws Exception {
        String project = load(List.of(service)).name();
        try (EngineClient engine = engine()) {
            JsonNode container = ProjectContainers.list(engine, project, service).stream()
                    .filter(c -> c.path("Labels").path(Labels.NUMBER).asInt() == index && "running".equals(c.path("State").asText()))
                    .findFirst().orElseThrow(() -> new UserError("service \"" + service + "\" is not running"));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("Cmd", strings(command));
            body.set("Env", strings(env));
            if (user != null) {
                body.put("User", user);
            }
            if (workdir != null) {
                body.put("WorkingDir", workdir);
            }
            body.put("Privileged", privileged);
            body.put("AttachStdout", !detach).put("AttachStderr", !detach);
            String id = engine.post("/containers/" + container.path("Id").asText() + "/exec", body).path("Id").asText();
            try (InputStream raw = engine.openRaw(HttpMethod.POST, "/exec/" + id + "/start", JsonNodeFactory.instance.objectNode()
                    .put("Detach", false).put("Tty", false))) {
                if (!detach) {
                    RawStreams.demux(raw, System.out, System.err);
                }
            }
            JsonNode state = engine.get("/exec/" + id + "/json");
            return state.path("ExitCode").asInt(detach ? 0 : 1);
        }
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode strings(List<String> items) {
        var a = JsonNodeFactory.instance.arrayNode();
        items.forEach(a::add);
        return a;
    }
}
