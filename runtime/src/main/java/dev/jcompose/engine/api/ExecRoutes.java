package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.lifecycle.ContainerRuntime;
import dev.jcompose.engine.logs.LogEntry;
import dev.jcompose.engine.logs.StreamFramer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code exec}: {@code POST /containers/{id}/exec} creates an exec instance, {@code POST /exec/{id}/start}
 * runs it and answers its output as Docker's multiplexed stream (200, without stdin: the hijacked,
 * interactive form the docker CLI asks for with {@code Upgrade: tcp} is not implemented yet),
 * {@code GET /exec/{id}/json} reports its exit code.
 */
public final class ExecRoutes {
    private final ContainerService containers;
    private final ContainerRuntime runtime;
    private final Map<String, ExecState> execs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public ExecRoutes(ContainerService containers, ContainerRuntime runtime) {
        this.containers = containers;
        this.runtime = runtime;
    }

    record CreateBody(@JsonProperty("Cmd") List<String> cmd, @JsonProperty("Env") List<String> env, @JsonProperty("User") String user,
                      @JsonProperty("WorkingDir") String workingDir, @JsonProperty("Privileged") Boolean privileged,
                      @JsonProperty("Tty") Boolean tty) {
    }

    private static final class ExecState {
        final String containerId;
        final CreateBody body;
        volatile boolean running;
        volatile Integer exitCode;
        volatile long pid;

        ExecState(String containerId, CreateBody body) {
            this.containerId = containerId;
            this.body = body;
        }
    }

    public void register(Router router) {
        router.add("POST", "/containers/{id}/exec", ContainerRoutes.guarded(this::create));
        router.add("POST", "/exec/{id}/start", ContainerRoutes.guarded(this::start));
        router.add("GET", "/exec/{id}/json", ex -> {
            ExecState s = find(ex.path("id"));
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("ID", ex.path("id"));
            body.put("Running", s.running);
            body.put("ExitCode", s.exitCode);
            body.put("ContainerID", s.containerId);
            body.put("Pid", s.pid);
            ex.sendJson(200, body);
        });
    }

    private ExecState find(String id) {
        ExecState s = execs.get(id);
        if (s == null) {
            throw ApiError.notFound("No such exec instance: " + id);
        }
        return s;
    }

    private void create(ApiExchange ex) throws IOException {
        String container = containers.inspect(ex.path("id")).id();
        CreateBody b = ex.bodyJson(CreateBody.class);
        if (b == null || b.cmd() == null || b.cmd().isEmpty()) {
            throw ApiError.badRequest("No exec command specified");
        }
        byte[] id = new byte[32];
        random.nextBytes(id);
        String execId = HexFormat.of().formatHex(id);
        execs.put(execId, new ExecState(container, b));
        ex.sendJson(201, Map.of("Id", execId));
    }

    private void start(ApiExchange ex) throws IOException {
        ExecState s = find(ex.path("id"));
        CreateBody b = s.body;
        Process p = runtime.exec(s.containerId, b.cmd(), b.env() == null ? List.of() : b.env(), b.user(), b.workingDir(),
                Boolean.TRUE.equals(b.privileged()));
        s.running = true;
        s.pid = p.pid();
        OutputStream out = ex.openStream(200, "application/vnd.docker.multiplexed-stream");
        StreamFramer framer = new StreamFramer(out, true, false);
        Thread err = new Thread(() -> pump(p.getErrorStream(), LogEntry.Stream.STDERR, framer), "exec-stderr");
        err.setDaemon(true);
        err.start();
        pump(p.getInputStream(), LogEntry.Stream.STDOUT, framer);
        try {
            int code = p.waitFor();
            err.join(5000);
            s.exitCode = code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new ContainerException(500, "interrupted while exec ran");
        } finally {
            s.running = false;
        }
        out.close();
    }

    private static void pump(InputStream in, LogEntry.Stream stream, StreamFramer framer) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (framer) {
                    framer.accept(new LogEntry(stream, Instant.now(), new String(buf, 0, n, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            // the client went away or the process ended
        }
    }
}
