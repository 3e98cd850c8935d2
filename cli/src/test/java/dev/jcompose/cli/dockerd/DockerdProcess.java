package dev.jcompose.cli.dockerd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code dockerd} (package docker.io) started by a test with everything of its own under
 * {@code dir}: data root, exec root (its containerd too), pid file, socket, config file and a cgroup
 * parent; no iptables rules, no default bridge. {@link #close} removes what it made, in the order that
 * leaves nothing: its containers, networks and volumes through its API, then the daemon (SIGTERM to its
 * PID), survivors among its own processes, mounts under its roots, its bridges, its cgroups, and the few
 * host paths dockerd insists on ({@code /etc/docker/key.json} and its dir, {@code /run/containerd/s},
 * {@code /var/run/docker/plugins}) when they did not exist before.
 */
final class DockerdProcess implements AutoCloseable {
    record Result(int code, String out, String err) {
    }

    private static final List<Path> HOST_LEFTOVERS = List.of(Path.of("/etc/docker/key.json"), Path.of("/etc/docker"),
            Path.of("/run/containerd/s"), Path.of("/run/containerd"), Path.of("/var/run/docker/plugins"), Path.of("/var/run/docker"));

    final Path socket;
    private final Path dir;
    private final Path dataRoot;
    private final Path execRoot;
    private final Path log;
    private final String docker;
    private final String cgroupParent;
    private final List<Path> absentBefore;
    private final Set<String> bridges = new TreeSet<>();
    private Process daemon;

    private DockerdProcess(Path dir, String docker) {
        this.dir = dir;
        this.dataRoot = dir.resolve("data");
        this.execRoot = dir.resolve("exec");
        this.socket = dir.resolve("docker.sock");
        this.log = dir.resolve("dockerd.log");
        this.docker = docker;
        this.cgroupParent = "jcompose-dockerd-" + ProcessHandle.current().pid();
        this.absentBefore = HOST_LEFTOVERS.stream().filter(p -> !Files.exists(p)).toList();
    }

    /** Starts dockerd and waits until its API answers; skips the test when root, dockerd or the docker CLI is missing. */
    static DockerdProcess start(Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs dockerd");
        Path dockerd = findOnPath("dockerd");
        assumeTrue(dockerd != null, "needs dockerd (Debian package docker.io)");
        Path docker = findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI (Debian package docker.io)");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        DockerdProcess d = new DockerdProcess(dir, docker.toString());
        try {
            d.launch(dockerd);
            return d;
        } catch (Throwable e) {
            d.close();
            throw e;
        }
    }

    private void launch(Path dockerd) throws Exception {
        Path config = dir.resolve("daemon.json");
        Files.writeString(config, "{}\n");
        daemon = new ProcessBuilder(dockerd.toString(), "--config-file", config.toString(), "--data-root", dataRoot.toString(),
                "--exec-root", execRoot.toString(), "--pidfile", dir.resolve("dockerd.pid").toString(), "-H", "unix://" + socket,
                "--iptables=false", "--ip6tables=false", "--bridge=none", "--cgroup-parent", "/" + cgroupParent)
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new java.io.File("/dev/null")).start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            if (!daemon.isAlive()) {
                throw new AssertionError("dockerd exited with " + daemon.exitValue() + " before its API answered:\n" + logTail());
            }
            if (Files.exists(socket) && run("version", "--format", "{{.Server.Version}}").code() == 0) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("dockerd's API did not answer on " + socket + " within 120 s:\n" + logTail());
            }
            Thread.sleep(200);
        }
    }

    String logTail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The docker CLI against this dockerd; stdout and stderr as text. */
    Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(docker, "-H", "unix://" + socket));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "docker", ".out");
        Path err = Files.createTempFile(dir, "docker", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(new java.io.File("/dev/null"));
        pb.environment().remove("DOCKER_CONTEXT");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("docker " + String.join(" ", args) + " timed out: " + Files.readString(err));
        }
        try {
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs and asserts exit 0; stdout stripped. */
    String ok(String... args) throws Exception {
        Result r = run(args);
        assertEquals(0, r.code(), () -> "docker " + String.join(" ", args) + ": " + r.err() + r.out());
        return r.out().strip();
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = List.of();
        if (daemon != null && daemon.isAlive()) {
            removeObjects();
            children = daemon.descendants().toList();
            daemon.destroy();
            if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
                daemon.waitFor(10, TimeUnit.SECONDS);
            }
        }
        children.forEach(ProcessHandle::destroyForcibly);
        killOwnProcesses();
        unmountUnder();
        for (String bridge : bridges) {
            if (Files.exists(Path.of("/sys/class/net", bridge))) {
                new ProcessBuilder("ip", "link", "delete", bridge).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            }
        }
        removeCgroups();
        for (Path p : absentBefore) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                // something else uses it now: not ours to remove
            }
        }
    }

    /** Its containers, then networks (whose bridges are br-ID[:12]) and volumes, removed through dockerd itself. */
    private void removeObjects() throws Exception {
        String containers = run("ps", "-aq").out().strip();
        if (!containers.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
            rm.addAll(containers.lines().toList());
            run(rm.toArray(String[]::new));
        }
        for (String id : run("network", "ls", "-q", "--no-trunc", "--filter", "driver=bridge").out().strip().lines().toList()) {
            bridges.add("br-" + id.substring(0, 12));
            run("network", "rm", id);
        }
        run("volume", "prune", "-f");
        for (String volume : run("volume", "ls", "-q").out().strip().lines().filter(l -> !l.isEmpty()).toList()) {
            run("volume", "rm", "-f", volume);
        }
    }

    /** containerd and its shims name the exec root on their command lines; docker-proxy was a child of dockerd. */
    private void killOwnProcesses() throws IOException {
        String mark = execRoot.toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
                    if (cmdline.contains(mark)) {
                        ProcessHandle.of(Long.parseLong(proc.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
    }

    private void unmountUnder() throws Exception {
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" ")[4])
                .filter(m -> m.startsWith(dir.toString() + "/")).sorted(Comparator.reverseOrder()).toList();
        for (String mount : mounts) {
            new ProcessBuilder("umount", "-l", mount).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void removeCgroups() throws IOException {
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path h : hierarchies.toList()) {
                Path parent = h.resolve(cgroupParent);
                if (Files.isDirectory(parent)) {
                    try (Stream<Path> tree = Files.walk(parent)) {
                        for (Path cg : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(cg);
                        }
                    }
                }
            }
        }
    }

    /** What of this dockerd is still there after {@link #close}: processes, mounts, bridges, cgroups (empty when clean). */
    List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        if (daemon != null && daemon.isAlive()) {
            left.add("dockerd pid " + daemon.pid());
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
                    if (cmdline.contains(execRoot.toString())) {
                        left.add("process " + proc.getFileName() + ": " + cmdline);
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" ")[4])
                .filter(m -> m.startsWith(dir.toString() + "/")).forEach(m -> left.add("mount " + m));
        bridges.stream().filter(b -> Files.exists(Path.of("/sys/class/net", b))).forEach(b -> left.add("bridge " + b));
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            hierarchies.map(h -> h.resolve(cgroupParent)).filter(Files::exists).forEach(c -> left.add("cgroup " + c));
        }
        return left;
    }

    /** The Linux bridge dockerd made for network {@code name} ({@code br-} and the ID's first 12 hex), remembered for cleanup. */
    String bridgeOf(String name) throws Exception {
        String bridge = "br-" + ok("network", "inspect", "--format", "{{.Id}}", name).substring(0, 12);
        bridges.add(bridge);
        return bridge;
    }

    static Path findOnPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String d : List.of("/usr/sbin", "/sbin")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
