package dev.jcompose.engine.cgroup;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A fake cgroup2 tree: a new cgroup gets the core files and the files of the controllers its
 * parent enabled in {@code cgroup.subtree_control}; enabling a controller the parent lacks fails
 * as in the kernel; {@code cgroup.freeze} updates {@code cgroup.events}; {@code cgroup.kill}
 * empties {@code cgroup.procs}.
 */
final class FakeCgroupFsV2 extends FakeCgroupFs {
    private static final Map<String, Map<String, String>> CONTROLLER_FILES = Map.of(
            "memory", Map.of("memory.max", "max", "memory.low", "0", "memory.swap.max", "max",
                    "memory.current", "4096", "memory.stat", "anon 1024\nfile 2048\ninactive_file 512\n",
                    "memory.events", "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n"),
            "cpu", Map.of("cpu.max", "max 100000", "cpu.weight", "100"),
            "cpuset", Map.of("cpuset.cpus", "", "cpuset.mems", ""),
            "io", Map.of("io.weight", "default 100", "io.max", "",
                    "io.stat", "8:0 rbytes=1000 wbytes=200 rios=3 wios=4 dbytes=0 dios=0\n8:16 rbytes=24 wbytes=0 rios=1 wios=0\n"),
            "pids", Map.of("pids.max", "max", "pids.current", "2"),
            "hugetlb", Map.of("hugetlb.2MB.max", "max", "hugetlb.1GB.max", "max"));

    private final boolean hasKill;
    /** Controllers the kernel refuses to enable (as for a threaded subtree or a busy parent). */
    final Set<String> refused = new LinkedHashSet<>();
    /** What cgroup.subtree_control holds once the write being made lands. */
    private Set<String> pendingSubtree = Set.of();

    /**
     * A cgroup2 root at {@code root} offering {@code controllers}; {@code hasKill} says whether
     * the kernel has {@code cgroup.kill} (5.14+).
     */
    FakeCgroupFsV2(Path root, Set<String> controllers, boolean hasKill) throws IOException {
        super(root);
        this.hasKill = hasKill;
        Files.createDirectories(root);
        for (Map.Entry<String, String> f : coreFiles(String.join(" ", controllers)).entrySet()) {
            Files.writeString(root.resolve(f.getKey()), f.getValue());
        }
    }

    @Override
    Map<String, String> filesFor(Path dir) {
        String enabled = content(dir.getParent().resolve("cgroup.subtree_control")).trim();
        Map<String, String> files = coreFiles(enabled);
        for (String c : words(enabled)) {
            files.putAll(CONTROLLER_FILES.getOrDefault(c, Map.of()));
        }
        return files;
    }

    private Map<String, String> coreFiles(String controllers) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cgroup.procs", "");
        files.put("cgroup.controllers", controllers);
        files.put("cgroup.subtree_control", "");
        files.put("cgroup.events", "populated 0\nfrozen 0\n");
        files.put("cgroup.freeze", "0");
        files.put("cpu.stat", "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\nnr_periods 10\nnr_throttled 2\nthrottled_usec 300\n");
        if (hasKill) {
            files.put("cgroup.kill", "");
        }
        return files;
    }

    @Override
    void beforeWrite(Path dir, String file, String value) throws IOException {
        if (file.equals("memory.max") && !value.equals("max")
                && Long.parseLong(value) < Long.parseLong(content(dir.resolve("memory.current")).trim())) {
            throw new FileSystemException(dir.toString(), null, "Device or resource busy"); // cannot reclaim below usage
        }
        if (file.equals("cgroup.subtree_control")) {
            Set<String> available = words(content(dir.resolve("cgroup.controllers")));
            for (String w : words(value)) {
                if (!available.contains(w.substring(1))) {
                    throw new FileSystemException(dir.toString(), null, "No such file or directory");
                }
                if (refused.contains(w.substring(1))) {
                    throw new FileSystemException(dir.toString(), null, "Device or resource busy");
                }
            }
            Set<String> next = words(content(dir.resolve("cgroup.subtree_control")));
            for (String w : words(value)) {
                if (w.startsWith("+")) {
                    next.add(w.substring(1));
                } else {
                    next.remove(w.substring(1));
                }
            }
            pendingSubtree = next;
        }
    }

    @Override
    void afterWrite(Path dir, String file, String value) throws CgroupException {
        switch (file) {
            case "cgroup.subtree_control" -> enable(dir, pendingSubtree);
            case "cgroup.freeze" -> set(dir.resolve("cgroup.events"), "populated 1\nfrozen " + value.trim() + "\n");
            case "cgroup.kill" -> set(dir.resolve("cgroup.procs"), "");
            default -> {
            }
        }
    }

    /** The parent keeps the canonical list; its children gain the files of newly enabled controllers. */
    private void enable(Path dir, Set<String> before) {
        set(dir.resolve("cgroup.subtree_control"), String.join(" ", before));
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                set(child.resolve("cgroup.controllers"), String.join(" ", before));
                for (String c : before) {
                    for (Map.Entry<String, String> f : CONTROLLER_FILES.getOrDefault(c, Map.of()).entrySet()) {
                        if (!Files.exists(child.resolve(f.getKey()))) {
                            set(child.resolve(f.getKey()), f.getValue());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The list {@code cgroup.subtree_control} holds after the writes. */
    List<String> subtreeControl(Path dir) {
        return List.copyOf(words(content(dir.resolve("cgroup.subtree_control"))));
    }
}
