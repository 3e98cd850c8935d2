package dev.jcompose.engine.net.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace for a test: a {@code sleep} started by {@code unshare --net --fork} (tests
 * only; the engine never forks into namespaces). {@link #close()} kills it by PID, which frees the netns.
 */
public final class TestNetns implements AutoCloseable {
    private final Process unshare;
    private final int pid;
    private final List<Process> spawned = new ArrayList<>();

    private TestNetns(Process unshare, int pid) {
        this.unshare = unshare;
        this.pid = pid;
    }

    public static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    public static TestNetns start() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("unshare", "--net", "--fork", "sleep", "600").redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (ProcessHandle child : p.toHandle().children().toList()) {
                int pid = (int) child.pid();
                if (!Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net"))
                        .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")))) {
                    return new TestNetns(p, pid);
                }
            }
            Thread.sleep(10);
        }
        p.destroyForcibly();
        throw new IOException("unshare --net did not start a process in a new netns within 5 s");
    }

    public int pid() {
        return pid;
    }

    public String nsPath() {
        return "/proc/" + pid + "/ns/net";
    }

    /** Runs a command inside the netns (nsenter) and returns its output; fails on a non-zero exit. */
    public String exec(String... cmd) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("nsenter", "--net=" + nsPath()));
        argv.addAll(List.of(cmd));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out.strip());
        }
        return out;
    }

    /** Starts a command inside the netns and leaves it running (e.g. a listener). */
    public Process spawn(String... cmd) throws IOException {
        List<String> argv = new ArrayList<>(List.of("nsenter", "--net=" + nsPath()));
        argv.addAll(List.of(cmd));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        synchronized (spawned) {
            spawned.add(p);
        }
        return p;
    }

    /** Kills a process and everything it started (nsenter execs a shell that forks). */
    public static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (spawned) {
            spawned.forEach(TestNetns::kill);
            for (Process p : spawned) {
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        unshare.destroyForcibly();
        unshare.waitFor(5, TimeUnit.SECONDS);
    }
}
