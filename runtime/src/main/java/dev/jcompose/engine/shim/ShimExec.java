package dev.jcompose.engine.shim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code jcompose-shim exec PID SPEC}: a process in a running container's namespaces (health
 * probes, {@code exec}). The spec holds only process keys; output is captured up to a limit.
 */
public final class ShimExec {
    private static final int MAX_OUTPUT = 64 * 1024;

    /** What the process did: its exit code (-1 when it timed out and was killed) and its combined output. */
    public record Result(int exitCode, String output) {
    }

    private ShimExec() {
    }

    /**
     * How an {@code exec} process is connected: {@code stdin} keeps a pipe to its stdin (else
     * /dev/null); a non-null {@code winsize} runs it under a pty of the container ({@code exec-tty}),
     * whose size the file holds ("rows cols", see {@link ExecTty}).
     */
    public record Io(boolean stdin, Path winsize) {
        public static final Io NONE = new Io(false, null);
    }

    /**
     * Starts a process in the container and returns it with stdout and stderr as separate pipes (for
     * {@code exec}; under a pty everything comes on stdout); the spec file is removed once the
     * process ends.
     */
    public static Process start(Path shim, long containerPid, List<String> args, List<String> env, String cwd, int uid, int gid,
                                long capabilities, Path scratch, Io io) throws IOException {
        StringBuilder spec = new StringBuilder();
        args.forEach(a -> line(spec, "arg", a));
        env.forEach(e -> line(spec, "env", e));
        line(spec, "cwd", cwd == null || cwd.isEmpty() ? "/" : cwd);
        line(spec, "uid", Integer.toString(uid));
        line(spec, "gid", Integer.toString(gid));
        seccomp(spec, scratch);
        line(spec, "caps", Long.toHexString(capabilities));
        Path file = Files.createTempFile(scratch, "exec", ".spec");
        Files.writeString(file, spec);
        List<String> command = io.winsize() == null
                ? List.of(shim.toString(), "exec", Long.toString(containerPid), file.toString())
                : List.of(shim.toString(), "exec-tty", Long.toString(containerPid), file.toString(), io.winsize().toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        if (!io.stdin()) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        p.onExit().thenRun(() -> {
            try {
                Files.deleteIfExists(file);
                if (io.winsize() != null) {
                    Files.deleteIfExists(io.winsize());
                }
            } catch (IOException e) {
                // a stale spec in the container's directory goes with the container
            }
        });
        return p;
    }

    public static Result run(Path shim, long containerPid, List<String> args, List<String> env, String cwd, int uid, int gid,
                             long capabilities, Path scratch, Duration timeout) throws IOException, InterruptedException {
        StringBuilder spec = new StringBuilder();
        args.forEach(a -> line(spec, "arg", a));
        env.forEach(e -> line(spec, "env", e));
        line(spec, "cwd", cwd == null || cwd.isEmpty() ? "/" : cwd);
        line(spec, "uid", Integer.toString(uid));
        line(spec, "gid", Integer.toString(gid));
        seccomp(spec, scratch);
        line(spec, "caps", Long.toHexString(capabilities));
        Path file = Files.createTempFile(scratch, "exec", ".spec");
        try {
            Files.writeString(file, spec);
            Process p = new ProcessBuilder(shim.toString(), "exec", Long.toString(containerPid), file.toString())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), out), "exec-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, "Health check exceeded timeout (" + timeout.toSeconds() + "s)");
            }
            reader.join(2000);
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() < MAX_OUTPUT) {
                    out.write(buf, 0, Math.min(n, MAX_OUTPUT - out.size()));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * The container's seccomp filter applies to its exec processes too, as in Docker: {@code scratch} is
     * the container's directory, where the engine wrote its spec ({@code shim.spec}) and the filter beside it.
     */
    private static void seccomp(StringBuilder spec, Path scratch) {
        Path filter = ShimSpecWriter.seccompFile(scratch.resolve("shim.spec"));
        if (Files.exists(filter)) {
            line(spec, "seccomp", filter.toString());
        }
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(key).append(' ').append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")).append('\n');
    }
}
