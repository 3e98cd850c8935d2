package dev.jcompose.engine.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The processes of a container, found in {@code /proc}: those whose cgroup path ends in
 * {@code jcompose/<id>} in any hierarchy, plus those in the pid namespace of its init (exec'd
 * processes), sorted by pid; and their {@code ps -ef} rows.
 */
public final class ContainerProcesses {
    private final Path proc;

    public ContainerProcesses(Path proc) {
        this.proc = proc;
    }

    /** The host pids of container {@code id} whose init is host pid {@code initPid}. */
    public List<Long> pids(String id, long initPid) throws IOException {
        String cgroupSuffix = "jcompose/" + id;
        String pidNs = readLink(proc.resolve(initPid + "/ns/pid"));
        List<Long> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path p : entries.filter(e -> e.getFileName().toString().matches("[0-9]+")).toList()) {
                boolean inCgroup = read(p.resolve("cgroup")).lines().anyMatch(l -> l.endsWith(cgroupSuffix));
                String ns = readLink(p.resolve("ns/pid"));
                if (inCgroup || (pidNs != null && pidNs.equals(ns))) {
                    out.add(Long.parseLong(p.getFileName().toString()));
                }
            }
        }
        out.sort(Long::compare);
        return out;
    }

    /** The {@code ps -ef} rows of {@code pids} (those that exited meanwhile are left out). */
    public List<List<String>> psRows(List<Long> pids, ZoneId zone) throws IOException {
        Instant boot = bootTime();
        Instant now = Instant.now();
        Map<Long, String> users = hostUsers();
        List<List<String>> rows = new ArrayList<>();
        for (long pid : pids) {
            Path p = proc.resolve(Long.toString(pid));
            String stat = read(p.resolve("stat"));
            String status = read(p.resolve("status"));
            if (stat.isEmpty() || status.isEmpty()) {
                continue;
            }
            long uid = status.lines().filter(l -> l.startsWith("Uid:")).map(l -> Long.parseLong(l.split("\\s+")[2])).findFirst().orElse(0L);
            String cmdline = read(p.resolve("cmdline"));
            if (cmdline.endsWith("\0")) {
                cmdline = cmdline.substring(0, cmdline.length() - 1);
            }
            rows.add(PsTable.row(ProcStat.parse(stat.strip()), uid, cmdline, boot, now, zone,
                    u -> users.getOrDefault(u, Long.toString(u))));
        }
        return rows;
    }

    private Instant bootTime() throws IOException {
        return read(proc.resolve("stat")).lines().filter(l -> l.startsWith("btime ")).map(l -> Instant.ofEpochSecond(Long.parseLong(l.substring(6).strip())))
                .findFirst().orElseThrow(() -> new IOException("no btime in " + proc.resolve("stat")));
    }

    /** uid → name from the host's /etc/passwd, as ps shows host processes. */
    private static Map<Long, String> hostUsers() {
        Map<Long, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].matches("[0-9]+")) {
                    out.putIfAbsent(Long.parseLong(f[2]), f[0]);
                }
            }
        } catch (IOException e) {
            // numbers then
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the process exited meanwhile
        }
    }

    private static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            return null;
        }
    }
}
