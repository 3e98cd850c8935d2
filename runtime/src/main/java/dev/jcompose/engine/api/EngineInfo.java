package dev.jcompose.engine.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Facts about this engine and its host that {@code /version} and {@code /info} report, read once
 * at start-up; object counts come from a supplier so they are always current.
 */
public final class EngineInfo {
    /** Object counts for {@code /info}. */
    public record Counts(int containers, int running, int paused, int stopped, int images) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    private final String id;
    private final String version;
    private final Path root;
    private final String kernelVersion;
    private final String hostname;
    private final String operatingSystem;
    private final long memTotal;
    private final String cgroupVersion;
    private final Supplier<Counts> counts;
    private final boolean usernsRemap;

    public EngineInfo(Path root, String version, Supplier<Counts> counts) {
        this(root, version, counts, false);
    }

    /** @param usernsRemap whether containers get a remapped user namespace (dockerd's --userns-remap) */
    public EngineInfo(Path root, String version, Supplier<Counts> counts, boolean usernsRemap) {
        this.usernsRemap = usernsRemap;
        this.root = root;
        this.version = version;
        this.counts = counts;
        this.id = engineId(root);
        this.kernelVersion = System.getProperty("os.version");
        this.hostname = readFirstLine(Path.of("/proc/sys/kernel/hostname"), "localhost");
        this.operatingSystem = prettyName();
        this.memTotal = readMemTotal();
        this.cgroupVersion = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1";
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public Path root() {
        return root;
    }

    public String kernelVersion() {
        return kernelVersion;
    }

    public String hostname() {
        return hostname;
    }

    public String operatingSystem() {
        return operatingSystem;
    }

    public long memTotal() {
        return memTotal;
    }

    public String cgroupVersion() {
        return cgroupVersion;
    }

    /** {@code /info}'s SecurityOptions, as dockerd lists them: seccomp, then {@code name=userns} when remapping. */
    public java.util.List<String> securityOptions() {
        return usernsRemap ? java.util.List.of("name=seccomp,profile=builtin", "name=userns") : java.util.List.of("name=seccomp,profile=builtin");
    }

    public Counts counts() {
        return counts.get();
    }

    /** The machine name as {@code uname -m} gives it ({@code x86_64}). */
    public String arch() {
        String a = System.getProperty("os.arch");
        return a.equals("amd64") ? "x86_64" : a;
    }

    /** The architecture in Go's / OCI's words ({@code amd64}, {@code arm64}). */
    public String goArch() {
        String a = System.getProperty("os.arch");
        return a.equals("aarch64") ? "arm64" : a.equals("x86_64") ? "amd64" : a;
    }

    /** A stable engine ID kept in the state root, made on first start. */
    private static String engineId(Path root) {
        Path f = root.resolve("engine-id");
        try {
            if (Files.exists(f)) {
                return Files.readString(f).trim();
            }
            Files.createDirectories(root);
            String id = UUID.randomUUID().toString();
            Path tmp = root.resolve("engine-id.tmp");
            Files.writeString(tmp, id + "\n");
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("keeping the engine ID in " + f, e);
        }
    }

    private static String readFirstLine(Path p, String dflt) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8).stream().findFirst().orElse(dflt).trim();
        } catch (IOException e) {
            return dflt;
        }
    }

    private static String prettyName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream()
                    .filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
                    .findFirst().orElse("Linux");
        } catch (IOException e) {
            return "Linux";
        }
    }

    private static long readMemTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024)
                    .findFirst().orElse(0L);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
