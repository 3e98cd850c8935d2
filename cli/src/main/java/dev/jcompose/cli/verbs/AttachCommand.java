package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.HijackedStream;
import dev.jcompose.cli.terminal.AttachedSession;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code jcompose attach SERVICE}: the terminal joined to a service's running container, as
 * {@code docker compose attach}: its output from now on, stdin when the container keeps it open
 * ({@code stdin_open}), the pty sized like the terminal under {@code tty: true}; the detach keys
 * (default ctrl-p,ctrl-q) leave it running. Exits with the container's exit code when it ended.
 */
public final class AttachCommand extends ProjectCommand {
    String service;
    int index = 1;
    boolean noStdin;
    String detachKeys;

    static final CommandSpec SPEC = CommandSpec.command("attach", "Attach local standard input, output, and error streams to a service's running container")
            .positional("SERVICE", 1, 1)
            .option("N", "index of the container if service has multiple replicas", "--index")
            .flag("Do not attach STDIN", "--no-stdin")
            .option("KEYS", "Override the key sequence for detaching from a container", "--detach-keys")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        service = args.positional(0);
        index = args.integer("--index", 1);
        noStdin = args.flag("--no-stdin");
        detachKeys = args.value("--detach-keys");
    }

    @Override
    public Integer call() throws Exception {
        String project = load(List.of(service)).name();
        try (EngineClient engine = engine()) {
            JsonNode summary = ProjectContainers.list(engine, project, service).stream()
                    .filter(c -> c.path("Labels").path(Labels.NUMBER).asInt() == index && "running".equals(c.path("State").asText()))
                    .findFirst().orElseThrow(() -> new UserError("service \"" + service + "\" is not running"));
            String id = summary.path("Id").asText();
            JsonNode config = engine.get("/containers/" + id + "/json").path("Config");
            boolean tty = config.path("Tty").asBoolean();
            boolean stdin = !noStdin && config.path("OpenStdin").asBoolean();
            String path = "/containers/" + id + "/attach?stream=1&stdout=1&stderr=1" + (stdin ? "&stdin=1" : "")
                    + (detachKeys == null ? "" : "&detachKeys=" + URLEncoder.encode(detachKeys, StandardCharsets.UTF_8));
            try (HijackedStream stream = HijackedStream.post(engine.socket(), path, null)) {
                new AttachedSession(stream, tty, stdin).run((h, w) -> ExecCommand.resize(engine, "/containers/" + id + "/resize", h, w),
                        new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
            }
            JsonNode state = engine.get("/containers/" + id + "/json").path("State");
            return state.path("Running").asBoolean() ? 0 : state.path("ExitCode").asInt(0);
        }
    }
}
