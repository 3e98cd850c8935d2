package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.OneOffOptions;
import dev.jcompose.cli.compose.OneOffRequest;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.cli.engine.HijackedStream;
import dev.jcompose.cli.terminal.AttachedSession;
import dev.jcompose.cli.terminal.Terminal;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose run SERVICE [COMMAND…]}: a one-off container of a service, after its dependencies
 * are up. Attached (without {@code -d}) it streams the container's output and exits with its exit
 * code; {@code -d} prints the container ID. As docker compose: stdin is attached (OpenStdin, StdinOnce)
 * and, when stdin is a terminal, the container gets a TTY ({@code -T} disables it) with the terminal
 * raw and the pty sized like it; the attach (hijacked, before the start) carries input and output.
 */
public final class RunCommand extends ProjectCommand {
    String service;
    List<String> command = new ArrayList<>();
    boolean detach;
    boolean rm;
    List<String> env = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> envFromFiles = new ArrayList<>();
    String user;
    String workdir;

    // --volumes and --labels: docker compose run normalises these plural spellings to the flags
    List<String> volumes = new ArrayList<>();
    List<String> publish = new ArrayList<>();
    boolean servicePorts;
    boolean useAliases;
    String entrypoint;
    String name;
    boolean noDeps;
    boolean noTty;
    boolean interactive = true;
    boolean tty;
    boolean quiet;

    static final CommandSpec SPEC = CommandSpec.command("run", "Run a one-off command on a service")
            .positional("SERVICE", 1, 1)
            .positional("COMMAND", 0, PositionalSpec.UNBOUNDED)
            .flag("Run container in background and print container ID", "-d", "--detach")
            .flag("Automatically remove the container when it exits", "--rm")
            .repeatable("KEY[=VAL]", "Set environment variables", "-e", "--env")
            .repeatable("KEY=VAL", "Add or override a label", "-l", "--label", "--labels")
            .repeatable("FILE", "Set environment variables from file", "--env-from-file")
            .option("USER", "Run as specified username or uid", "-u", "--user")
            .option("DIR", "Working directory inside the container", "-w", "--workdir")
            .repeatable("SRC:DST[:MODE]", "Bind mount a volume", "-v", "--volume", "--volumes")
            .repeatable("[IP:][HOST:]PORT[/PROTO]", "Publish a container's port(s) to the host", "-p", "--publish")
            .flag("Run command with all service's ports enabled and mapped to the host", "-P", "--service-ports")
            .flag("Use the service's network useAliases in the network(s) the container connects to", "--use-aliases")
            .option("CMD", "Override the entrypoint of the image", "--entrypoint")
            .option("NAME", "Assign a name to the container", "--name")
            .flag("Don't start linked services", "--no-deps")
            .flag("Disable pseudo-TTY allocation (default: auto-detected)", "-T", "--no-TTY")
            .hiddenFlag("Keep STDIN open even if not attached", "-i", "--interactive")
            .hiddenFlag("Allocate a pseudo-TTY", "-t", "--tty")
            .flag("Don't print anything to STDOUT", "-q", "--quiet")
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
        detach = args.flag("--detach");
        rm = args.flag("--rm");
        env = args.values("--env");
        labels = args.values("--label");
        envFromFiles = args.values("--env-from-file");
        user = args.value("--user");
        workdir = args.value("--workdir");
        volumes = args.values("--volume");
        publish = args.values("--publish");
        servicePorts = args.flag("--service-ports");
        useAliases = args.flag("--use-aliases");
        entrypoint = args.value("--entrypoint");
        name = args.value("--name");
        noDeps = args.flag("--no-deps");
        noTty = args.flag("--no-TTY");
        interactive = !Boolean.FALSE.equals(args.flagOrNull("--interactive"));
        tty = args.flag("--tty");
        quiet = args.flag("--quiet");
    }

    @Override
    public Integer call() throws Exception {
        Project project = load(List.of(service));
        Service s = project.service(service);
        String slug = HexFormat.of().formatHex(randomBytes());
        OneOffOptions options = new OneOffOptions(command, entrypoint == null ? null : OneOffRequest.shellWords(entrypoint),
                environment(), user, workdir, volumes, publish, servicePorts, useAliases, labels(labels), name, rm && detach);
        ObjectNode body;
        try {
            body = OneOffRequest.build(project, s, options, slug);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        String containerName = OneOffRequest.containerName(project, s, options, slug);
        try (EngineClient engine = engine()) {
            int code = new OneOffDependencies(this, engine, project).bringUp(service, noDeps);
            if (code != 0) {
                return code;
            }
            // as docker compose run: a TTY when stdin is a terminal (or -t), unless -T; stdin open unless -i=false
            boolean containerTty = !noTty && (tty || Terminal.isTerminal(0));
            boolean withStdin = !detach && interactive;
            if (containerTty && withStdin && !Terminal.isTerminal(0)) {
                // -t asked for with stdin piped or redirected (docker compose's check)
                throw new UserError("cannot attach stdin to a TTY-enabled container because stdin is not a terminal");
            }
            body.put("Tty", containerTty).put("OpenStdin", interactive).put("StdinOnce", withStdin).put("AttachStdin", withStdin)
                    .put("AttachStdout", !detach).put("AttachStderr", !detach);
            String id = create(engine, containerName, body);
            if (detach) {
                engine.post("/containers/" + id + "/start", null);
                out().println(id);
                out().flush();
                return 0;
            }
            Thread interrupted = new Thread(() -> interrupted(id), "run-interrupted");
            Runtime.getRuntime().addShutdownHook(interrupted);
            int exit;
            try (HijackedStream stream = HijackedStream.post(engine.socket(), "/containers/" + id + "/attach?stream=1&stdout=1&stderr=1"
                    + (withStdin ? "&stdin=1" : ""), null)) {
                engine.post("/containers/" + id + "/start", null);
                new AttachedSession(stream, containerTty, withStdin).run((h, w) -> ExecCommand.resize(engine, "/containers/" + id + "/resize", h, w),
                        quiet ? java.io.OutputStream.nullOutputStream() : new FileOutputStream(FileDescriptor.out),
                        new FileOutputStream(FileDescriptor.err));
                exit = engine.post("/containers/" + id + "/wait", null).path("StatusCode").asInt(1);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(interrupted);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook does the rest
                }
            }
            if (rm) {
                engine.delete("/containers/" + id + "?force=1&v=1");
            }
            return exit;
        }
    }

    /**
     * Interrupted (Ctrl-C, SIGTERM) while attached: the signal goes on to the container as docker compose
     * forwards it; with {@code --rm} the container is removed (killed first) so that nothing is left.
     */
    private void interrupted(String id) {
        try (EngineClient engine = engine()) {
            if (rm) {
                engine.delete("/containers/" + id + "?force=1&v=1");
            } else {
                engine.post("/containers/" + id + "/kill?signal=SIGINT", null);
            }
        } catch (RuntimeException e) {
            System.err.println("stopping the one-off container " + id.substring(0, 12) + ": " + e.getMessage());
        }
    }

    private static String create(EngineClient engine, String name, ObjectNode body) {
        try {
            return engine.post("/containers/create?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), body).path("Id").asText();
        } catch (EngineException e) {
            if (e.isNotFound() && e.getMessage().startsWith("No such image")) {
                throw new EngineException(404, e.getMessage() + " (load it with jcompose image load, or pull it)");
            }
            throw e;
        }
    }

    /** {@code --env-from-file} entries (in file order), then {@code -e} ones, which win. */
    private List<String> environment() throws java.io.IOException {
        List<String> out = new ArrayList<>();
        for (String file : envFromFiles) {
            dev.jcompose.model.load.dotenv.DotEnv.read(java.nio.file.Path.of(file), k -> java.util.Optional.ofNullable(System.getenv(k)))
                    .forEach((k, v) -> out.add(k + "=" + v));
        }
        out.addAll(resolveEnv(env, System.getenv()));
        return out;
    }

    /** {@code -e KEY=VAL} as given; {@code -e KEY} takes KEY from the caller's environment, or is dropped when unset (as docker does). */
    static List<String> resolveEnv(List<String> given, Map<String, String> environment) {
        List<String> out = new ArrayList<>();
        for (String e : given) {
            if (e.contains("=")) {
                out.add(e);
            } else if (environment.containsKey(e)) {
                out.add(e + "=" + environment.get(e));
            }
        }
        return out;
    }

    static Map<String, String> labels(List<String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : given) {
            int eq = l.indexOf('=');
            out.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
        }
        return out;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
