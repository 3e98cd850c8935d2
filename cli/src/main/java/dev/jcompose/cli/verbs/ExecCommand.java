package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.HijackedStream;
import dev.jcompose.cli.terminal.AttachedSession;
import dev.jcompose.cli.terminal.Terminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code jcompose exec SERVICE COMMAND…}: runs a command in a service's running container (a one-off
 * when the service has no replica running, as docker compose) and exits with its exit code;
 * {@code -e KEY} takes KEY from the caller's environment or is dropped. As docker compose: under a TTY when stdin is a terminal ({@code -T} disables
 * it), stdin attached (the terminal raw, the pty sized like it), over the hijacked exec stream.
 */
public final class ExecCommand extends ProjectCommand {
    String service;
    List<String> command = new ArrayList<>();
    List<String> env = new ArrayList<>();
    String user;
    String workdir;
    int index;
    boolean privileged;
    boolean noTty;
    boolean interactive = true;
    boolean detach;

    static final CommandSpec SPEC = CommandSpec.command("exec", "Execute a command in a running container")
            .positional("SERVICE", 1, 1)
            .positional("COMMAND", 1, PositionalSpec.UNBOUNDED)
            .repeatable("KEY=VAL", "Set environment variables", "-e", "--env")
            .option("USER", "Run the command as this user", "-u", "--user")
            .option("DIR", "Path to workdir directory for this command", "-w", "--workdir")
            .option("N", "Index of the container if service has multiple replicas", "--index")
            .flag("Give extended privileges to the process", "--privileged")
            .flag("Disable pseudo-TTY allocation. By default `jcompose exec` allocates a TTY.", "-T", "--no-TTY")
            .hiddenFlag("Keep STDIN open even if not attached", "-i", "--interactive")
            .hiddenFlag("Allocate a pseudo-TTY (the default on a terminal; --tty=false is -T)", "-t", "--tty")
            .flag("Detached mode: run command in the background", "-d", "--detach")
            .optionsEndAtPositional()
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        service = args.positional(0);
        command = args.positionalsFrom(1);
        env = args.values("--env");
        user = args.value("--user");
        workdir = args.value("--workdir");
        index = args.integer("--index", 0);
        privileged = args.flag("--privileged");
        noTty = args.flag("--no-TTY") || Boolean.FALSE.equals(args.flagOrNull("--tty"));
        interactive = !Boolean.FALSE.equals(args.flagOrNull("--interactive"));
        detach = args.flag("--detach");
    }

    @Override
    public Integer call() throws Exception {
        String project = load(List.of(service)).name();
        try (EngineClient engine = engine()) {
            JsonNode container = target(ProjectContainers.list(engine, project, service));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("Cmd", strings(command));
            body.set("Env", strings(RunCommand.resolveEnv(env, System.getenv())));
            if (user != null) {
                body.put("User", user);
            }
            if (workdir != null) {
                body.put("WorkingDir", workdir);
            }
            body.put("Privileged", privileged);
            boolean tty = !noTty && Terminal.isTerminal(0);
            boolean stdin = interactive && !detach;
            body.put("AttachStdin", stdin).put("AttachStdout", !detach).put("AttachStderr", !detach).put("Tty", tty);
            int[] size = tty ? Terminal.size(1) : null;
            if (size != null) {
                body.set("ConsoleSize", JsonNodeFactory.instance.arrayNode().add(size[0]).add(size[1]));
            }
            String id = engine.post("/containers/" + container.path("Id").asText() + "/exec", body).path("Id").asText();
            ObjectNode start = JsonNodeFactory.instance.objectNode().put("Detach", detach).put("Tty", tty);
            if (detach) {
                engine.post("/exec/" + id + "/start", start);
                return 0;
            }
            try (HijackedStream stream = HijackedStream.post(engine.socket(), "/exec/" + id + "/start", start)) {
                new AttachedSession(stream, tty, stdin).run((h, w) -> resize(engine, "/exec/" + id + "/resize", h, w),
                        new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
            }
            JsonNode state = engine.get("/exec/" + id + "/json");
            return state.path("ExitCode").asInt(detach ? 0 : 1);
        }
    }

    /**
     * The running container to exec in, as docker compose picks it: with {@code --index N} replica N
     * only; without, the lowest-numbered replica, else a one-off container of the service.
     */
    private JsonNode target(List<JsonNode> containers) {
        Comparator<JsonNode> order = Comparator.comparing((JsonNode c) -> oneOff(c)).thenComparingInt(c -> c.path("Labels").path(Labels.NUMBER).asInt());
        return containers.stream()
                .filter(c -> "running".equals(c.path("State").asText()))
                .filter(c -> index == 0 || (!oneOff(c) && c.path("Labels").path(Labels.NUMBER).asInt() == index))
                .min(order)
                .orElseThrow(() -> new UserError(index == 0 ? "service \"" + service + "\" is not running"
                        : "service \"" + service + "\" is not running container #" + index));
    }

    private static boolean oneOff(JsonNode c) {
        return "True".equalsIgnoreCase(c.path("Labels").path(Labels.ONEOFF).asText());
    }

    /** Best effort, as docker's: a resize that fails (the process just ended) changes nothing that matters. */
    static void resize(EngineClient engine, String path, int rows, int cols) {
        try {
            engine.post(path + "?h=" + rows + "&w=" + cols, null);
        } catch (RuntimeException e) {
            // ended meanwhile
        }
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode strings(List<String> items) {
        var a = JsonNodeFactory.instance.arrayNode();
        items.forEach(a::add);
        return a;
    }
}
