package dev.jcompose.engine.shim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One {@code jcompose-shim run} process, driven through the protocol of runtime/src/main/c/shim.h:
 * {@link #start} returns once the container exists and its host PID is known (it waits before
 * exec); the engine joins it to its cgroup and network, then {@link #go} lets it exec and reports
 * success or the shim's structured error. After that the shim monitors the container on its own.
 */
public final class ShimProcess {
    private final Process process;
    private final BufferedReader out;
    private final long containerPid;

    private ShimProcess(Process process, BufferedReader out, long containerPid) {
        this.process = process;
        this.out = out;
        this.containerPid = containerPid;
    }

    public static ShimProcess start(Path shim, Path spec, Path stderrFile) throws IOException {
        Process p = new ProcessBuilder(shim.toString(), "run", spec.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrFile.toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new ShimException("shim", 0, "jcompose-shim exited without creating the container (see " + stderrFile + ")");
        }
        if (line.startsWith("error ")) {
            throw ShimException.parse(line.substring(6));
        }
        if (!line.startsWith("pid ")) {
            p.destroyForcibly();
            throw new ShimException("shim", 0, "unexpected answer from jcompose-shim: " + line);
        }
        return new ShimProcess(p, out, Long.parseLong(line.substring(4).strip()));
    }

    /** The container's init process as the host sees it. */
    public long containerPid() {
        return containerPid;
    }

    /** Lets the container exec; throws the shim's error when it could not. */
    public void go() throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
        }
        String line = out.readLine();
        out.close();
        if ("started".equals(line)) {
            return;
        }
        waitQuietly();
        if (line != null && line.startsWith("error ")) {
            throw ShimException.parse(line.substring(6));
        }
        throw new ShimException("shim", 0, "jcompose-shim ended before starting the container" + (line == null ? "" : ": " + line));
    }

    /** Gives up before exec: the shim kills the waiting container and exits. */
    public void abort() {
        try (OutputStream in = process.getOutputStream()) {
            in.write("abort\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
        }
        waitQuietly();
    }

    /** The shim itself (the container's monitor): ends after the container does. */
    public ProcessHandle monitor() {
        return process.toHandle();
    }

    private void waitQuietly() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
