package dev.jcompose.engine.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** What the root integration tests need from the host: root, a writable cgroupfs, processes to move, a block device. */
final class RootSupport {
    private RootSupport() {
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst()
                    .map(l -> l.split("\\s+")[1].equals("0")).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** A parent cgroup name no other test run uses. */
    static String uniqueParent() {
        return "jcompose-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every directory named {@code name} under any of the layout's mount points (what a test leaves behind). */
    static List<Path> leftovers(CgroupLayout layout, String name) throws IOException {
        List<Path> roots = new ArrayList<>();
        layout.v1().forEach(h -> roots.add(h.mountPoint()));
        layout.unified().ifPresent(u -> roots.add(u.mountPoint()));
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root.resolve(name))) {
                found.add(root.resolve(name));
            }
        }
        return found;
    }

    /** {@code /proc/PID/status}'s State letter: S, D, R, T, Z. */
    static String state(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("State:")).findFirst().orElseThrow().split("\\s+")[1];
    }

    /**
     * The State letter once it is {@code wanted}, polling for at most {@code within}; else the last one
     * seen. A thawed task runs (R) for a moment before it is back in its sleep (S).
     */
    static String stateWithin(long pid, String wanted, java.time.Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String seen = state(pid);
        while (!seen.equals(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            seen = state(pid);
        }
        return seen;
    }

    /** A real disk's {@code major:minor} from /sys/block (not loop, zram or ram devices), if there is one. */
    static Optional<BlockDevice> aDisk() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/sys/block"))) {
            for (Path d : s.sorted().toList()) {
                String n = d.getFileName().toString();
                if (n.startsWith("loop") || n.startsWith("zram") || n.startsWith("ram") || !Files.exists(d.resolve("dev"))) {
                    continue;
                }
                String[] mm = Files.readString(d.resolve("dev")).trim().split(":");
                return Optional.of(new BlockDevice(Long.parseLong(mm[0]), Long.parseLong(mm[1])));
            }
        }
        return Optional.empty();
    }

    /** The cgroup2 root's {@code cgroup.subtree_control} now, to restore after a test ("" without cgroup2). */
    static String rootSubtreeControl(CgroupLayout layout) throws IOException {
        if (layout.unified().isEmpty()) {
            return "";
        }
        return read(layout.unified().get().mountPoint().resolve("cgroup.subtree_control"));
    }

    /**
     * Disables at the cgroup2 root the controllers a test enabled there, so the host is as it was.
     * Best effort: when another cgroup on the host has come to rely on one, it stays enabled.
     */
    static void restoreRootSubtreeControl(CgroupLayout layout, String before) {
        if (layout.unified().isEmpty()) {
            return;
        }
        Path file = layout.unified().get().mountPoint().resolve("cgroup.subtree_control");
        try {
            for (String c : CgroupV2Manager.words(read(file))) {
                if (!CgroupV2Manager.words(before).contains(c)) {
                    Files.writeString(file, "-" + c);
                }
            }
        } catch (IOException e) {
            // in use elsewhere; leave it
        }
    }

    /**
     * A block device node this process can open for reading outside any test cgroup (loop devices
     * count), so that a refusal inside the cgroup can only come from the cgroup's rules.
     */
    static Optional<Path> anOpenableBlockDevice() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/sys/block"))) {
            for (Path node : s.map(d -> Path.of("/dev", d.getFileName().toString())).filter(Files::exists).sorted().toList()) {
                try (var in = Files.newInputStream(node)) {
                    return Optional.of(node);
                } catch (IOException e) {
                    // not openable here (e.g. the host's own rules); try the next one
                }
            }
        }
        return Optional.empty();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file).trim();
    }
}
