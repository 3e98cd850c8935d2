package dev.jcompose.engine.image.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's dockerd (package docker.io) for {@link PullBench}: everything of its own under one
 * directory (data root, exec root, socket, config), no bridge and no iptables rules, stopped by
 * PID with its managed containerd. Its CPU time is read from {@code /proc/<pid>/stat}, since with
 * the graph-driver store the pull and unpack run in dockerd itself.
 */
final class BenchDockerd implements AutoCloseable {
    static final Path DOCKERD = Path.of("/usr/sbin/dockerd");
    private final Path dir;
    private final Process process;

    private BenchDockerd(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(DOCKERD) && Files.isExecutable(Path.of("/usr/bin/docker"));
    }

    static BenchDockerd start(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("daemon.json"), "{}");
        Process p = new ProcessBuilder(DOCKERD.toString(), "--config-file", dir.resolve("daemon.json").toString(),
                "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(), "-H", "unix://" + dir.resolve("docker.sock"),
                "--iptables=false", "--ip6tables=false", "--bridge=none").redirectErrorStream(true)
                .redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        BenchDockerd d = new BenchDockerd(dir, p);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!d.answers()) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                d.close();
                throw new IllegalStateException("dockerd did not start: " + Files.readString(dir.resolve("dockerd.log")));
            }
            Thread.sleep(100);
        }
        return d;
    }

    private boolean answers() throws Exception {
        Process v = new ProcessBuilder("docker", "-H", host(), "version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return v.waitFor(30, TimeUnit.SECONDS) && v.exitValue() == 0;
    }

    /** The {@code -H} value of its socket. */
    String host() {
        return "unix://" + dir.resolve("docker.sock");
    }

    /** dockerd's own user+sys CPU seconds so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        // its managed containerd names our directory on its command line
        for (ProcessHandle h : ProcessHandle.allProcesses().toList()) {
            if (h.info().arguments().map(List::of).orElse(List.of()).stream().anyMatch(a -> a.startsWith(dir.toString()))) {
                h.destroyForcibly();
            }
        }
        new ProcessBuilder("sh", "-c", "grep -F ' " + dir + "/' /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r umount -l")
                .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        dev.jcompose.engine.image.unpack.FileTrees.deleteRecursively(dir);
    }
}
