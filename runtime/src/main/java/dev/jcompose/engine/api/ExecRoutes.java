package dev.jcompose.engine.api;

import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.lifecycle.ContainerRuntime;
import dev.jcompose.engine.shim.ExecTty;
import dev.jcompose.engine.shim.ShimExec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code exec}: {@code POST /containers/{id}/exec} creates an instance; {@code POST /exec/{id}/start}
 * runs it: detached (200 at once), hijacked as the docker CLI asks ({@code Upgrade: tcp} → 101, then
 * the raw connection: stdin in, output out), or as a plain 200 stream without stdin. Output is
 * Docker's multiplexed stream, or raw under a TTY (a pty of the container, see {@code tty.c});
 * {@code POST /exec/{id}/resize} sizes that pty; {@code GET /exec/{id}/json} reports the exit code.
 */
public final class ExecRoutes {
    private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    private static final String RAW = "application/vnd.docker.raw-stream";

    private static final long KEEP_FINISHED_MILLIS = 5 * 60 * 1000;

    private final ContainerService containers;
    private final ContainerRuntime runtime;
    private final Map<String, ExecInstance> execs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public ExecRoutes(ContainerService containers, ContainerRuntime runtime) {
        this.containers = containers;
        this.runtime = runtime;
    }

    public void register(Router router) {
        router.add("POST", "/containers/{id}/exec", ContainerRoutes.guarded(this::create));
        router.add("POST", "/exec/{id}/start", ContainerRoutes.guarded(this::start));
        router.add("POST", "/exec/{id}/resize", ContainerRoutes.guarded(this::resize));
        router.add("GET", "/exec/{id}/json", ex -> ex.sendJson(200, find(ex.path("id")).inspect()));
    }

    private ExecInstance find(String id) {
        ExecInstance s = execs.get(id);
        if (s == null) {
            throw ApiError.notFound("No such exec instance: " + id);
        }
        return s;
    }

    private void create(ApiExchange ex) throws IOException {
        var record = containers.inspect(ex.path("id"));
        String container = record.id();
        if (!record.state().running()) {
            throw new ApiError(409, "container " + container + " is not running");
        }
        if (record.state().paused()) {
            throw new ApiError(409, "container " + container + " is paused, unpause the container before exec");
        }
        ExecInstance.Config b = ex.bodyJson(ExecInstance.Config.class);
        if (b == null || b.cmd() == null || b.cmd().isEmpty()) {
            throw ApiError.badRequest("No exec command specified");
        }
        forgetOld();
        byte[] id = new byte[32];
        random.nextBytes(id);
        String execId = HexFormat.of().formatHex(id);
        execs.put(execId, new ExecInstance(execId, container, b));
        ex.sendJson(201, Map.of("Id", execId));
    }

    private void start(ApiExchange ex) throws IOException {
        ExecInstance s = find(ex.path("id"));
        ExecInstance.StartBody start = ex.bodyJson(ExecInstance.StartBody.class);
        boolean detach = start != null && Boolean.TRUE.equals(start.detach());
        synchronized (s) {
            if (s.started) {
                throw new ApiError(409, "Error: Exec command " + s.id + " has already run", null);
            }
            s.started = true;
        }
        ExecInstance.Config c = s.config;
        boolean tty = c.ttyEnabled() || start != null && Boolean.TRUE.equals(start.tty());
        boolean stdin = !detach && Boolean.TRUE.equals(c.attachStdin()) && ex.wantsUpgrade();
        if (tty) {
            s.winsize = containers.store().directory(s.containerId).resolve("exec-" + s.id.substring(0, 12) + ".winsize");
            List<Integer> size = start != null && start.consoleSize() != null ? start.consoleSize() : c.consoleSize();
            ExecTty.write(s.winsize, size != null && size.size() == 2 ? size.get(0) : 24, size != null && size.size() == 2 ? size.get(1) : 80);
        }
        Process p = runtime.exec(s.containerId, c.cmd(), c.env() == null ? List.of() : c.env(), c.user(), c.workingDir(),
                Boolean.TRUE.equals(c.privileged()), new ShimExec.Io(stdin, s.winsize));
        s.process = p;
        s.running = true;
        String type = tty ? RAW : MULTIPLEXED;
        if (detach) {
            Thread t = new Thread(() -> finish(s, session(p, OutputStream.nullOutputStream(), tty), null), "exec-detached");
            t.setDaemon(true);
            t.start();
            ex.sendStatus(200);
        } else if (ex.wantsUpgrade()) {
            ex.upgrade(type, conn -> {
                finish(s, session(p, conn.out(), tty), stdin ? conn.in() : null);
                conn.shutdownOutput();
            }, "exec-" + s.id.substring(0, 12));
        } else {
            OutputStream out = ex.openStream(200, type);
            out.flush();
            finish(s, session(p, out, tty), null);
            out.close();
        }
    }

    private static ExecSession session(Process p, OutputStream out, boolean tty) {
        return new ExecSession(p, new StreamFrames(out, !tty));
    }

    private static void finish(ExecInstance s, ExecSession session, InputStream clientInput) {
        try {
            s.exitCode = session.run(clientInput);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.process.destroyForcibly();
        } finally {
            s.finishedAtMillis = System.currentTimeMillis();
            s.running = false;
        }
    }

    /**
     * Forgets instances that ended more than {@link #KEEP_FINISHED_MILLIS} ago or whose container is
     * gone (Docker also drops them), so a long-lived engine running health-check-like execs stays small.
     */
    private void forgetOld() {
        long cutoff = System.currentTimeMillis() - KEEP_FINISHED_MILLIS;
        execs.values().removeIf(s -> !s.running && s.finishedAtMillis != 0 && s.finishedAtMillis < cutoff
                || containers.store().get(s.containerId).isEmpty());
    }

    private void resize(ApiExchange ex) throws IOException {
        ExecInstance s = find(ex.path("id"));
        int h;
        int w;
        try {
            h = Integer.parseInt(ex.query("h").orElse("0"));
            w = Integer.parseInt(ex.query("w").orElse("0"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid resize size: " + e.getMessage());
        }
        Path winsize = s.winsize;
        Process p = s.process;
        if (winsize == null || p == null) {
            throw ApiError.badRequest("exec " + s.id + " has no TTY to resize" + (p == null ? " (not started)" : ""));
        }
        if (p.isAlive()) {
            ExecTty.resize(winsize, p, h, w);
        }
        ex.sendStatus(200);
    }
}
