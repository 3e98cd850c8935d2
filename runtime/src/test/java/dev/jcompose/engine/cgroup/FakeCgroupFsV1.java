package dev.jcompose.engine.cgroup;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fake v1 hierarchies under one directory ({@code root/memory}, {@code root/cpu,cpuacct}, …) with
 * the kernel rules the backend must respect: the memory limit may never exceed memory+swap, a task
 * cannot join a cpuset without CPUs and memory nodes, and new cpusets start empty.
 */
final class FakeCgroupFsV1 extends FakeCgroupFs {
    static final String UNLIMITED = "9223372036854771712";

    private final Map<String, Set<String>> hierarchies;
    private final boolean swapAccounting;

    /**
     * @param hierarchies mount directory name → controllers ({@code "cpu,cpuacct"} → cpu, cpuacct)
     */
    FakeCgroupFsV1(Path root, Map<String, Set<String>> hierarchies, boolean swapAccounting) throws IOException {
        super(root);
        this.hierarchies = new LinkedHashMap<>(hierarchies);
        this.swapAccounting = swapAccounting;
        for (String name : hierarchies.keySet()) {
            Path mount = root.resolve(name);
            Files.createDirectories(mount);
            for (Map.Entry<String, String> f : filesFor(mount).entrySet()) {
                Files.writeString(mount.resolve(f.getKey()), f.getValue());
            }
            if (hierarchies.get(name).contains("cpuset")) {
                Files.writeString(mount.resolve("cpuset.cpus"), "0-3");
                Files.writeString(mount.resolve("cpuset.mems"), "0");
            }
        }
    }

    /** The layout's hierarchies, mounted at this fake's directories. */
    List<CgroupLayout.V1Hierarchy> layoutHierarchies() {
        List<CgroupLayout.V1Hierarchy> out = new ArrayList<>();
        hierarchies.forEach((name, controllers) -> out.add(new CgroupLayout.V1Hierarchy(controllers, root.resolve(name), "/")));
        return out;
    }

    @Override
    Map<String, String> filesFor(Path dir) {
        Set<String> controllers = hierarchies.get(root.relativize(dir).getName(0).toString());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cgroup.procs", "");
        files.put("tasks", "");
        files.put("notify_on_release", "0");
        for (String c : controllers) {
            switch (c) {
                case "memory" -> {
                    files.put("memory.limit_in_bytes", UNLIMITED);
                    files.put("memory.soft_limit_in_bytes", UNLIMITED);
                    files.put("memory.swappiness", "60");
                    files.put("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
                    files.put("memory.usage_in_bytes", "8192");
                    files.put("memory.max_usage_in_bytes", "16384");
                    files.put("memory.failcnt", "3");
                    files.put("memory.stat", "cache 4096\nrss 4096\ntotal_inactive_file 1024\n");
                    if (swapAccounting) {
                        files.put("memory.memsw.limit_in_bytes", UNLIMITED);
                    }
                }
                case "cpu" -> {
                    files.put("cpu.shares", "1024");
                    files.put("cpu.cfs_period_us", "100000");
                    files.put("cpu.cfs_quota_us", "-1");
                    files.put("cpu.stat", "nr_periods 40\nnr_throttled 5\nthrottled_time 7000000\n");
                }
                case "cpuacct" -> {
                    files.put("cpuacct.usage", "123456789");
                    files.put("cpuacct.usage_percpu", "100000000 23456789 \n");
                    files.put("cpuacct.stat", "user 9\nsystem 2\n");
                }
                case "cpuset" -> {
                    files.put("cpuset.cpus", "");
                    files.put("cpuset.mems", "");
                }
                case "pids" -> {
                    files.put("pids.max", "max");
                    files.put("pids.current", "1");
                }
                case "blkio" -> {
                    files.put("blkio.bfq.weight", "100");
                    files.put("blkio.bfq.weight_device", "");
                    files.put("blkio.throttle.io_service_bytes_recursive",
                            "8:0 Read 4096\n8:0 Write 512\n8:0 Sync 4608\n8:0 Async 0\n8:0 Discard 0\n8:0 Total 4608\nTotal 4608\n");
                    files.put("blkio.throttle.io_serviced_recursive",
                            "8:0 Read 7\n8:0 Write 2\n8:0 Sync 9\n8:0 Async 0\n8:0 Discard 0\n8:0 Total 9\nTotal 9\n");
                    for (String t : List.of("read_bps", "write_bps", "read_iops", "write_iops")) {
                        files.put("blkio.throttle." + t + "_device", "");
                    }
                }
                case "devices" -> {
                    files.put("devices.allow", "");
                    files.put("devices.deny", "");
                    files.put("devices.list", "a *:* rwm");
                }
                case "freezer" -> files.put("freezer.state", "THAWED");
                case "hugetlb" -> files.put("hugetlb.2MB.limit_in_bytes", UNLIMITED);
                default -> {
                }
            }
        }
        return files;
    }

    @Override
    void beforeWrite(Path dir, String file, String value) throws IOException {
        switch (file) {
            case "memory.limit_in_bytes" -> {
                if (swapAccounting && limit(value) > limit(content(dir.resolve("memory.memsw.limit_in_bytes")).trim())) {
                    throw new FileSystemException(dir.toString(), null, "Invalid argument");
                }
            }
            case "memory.memsw.limit_in_bytes" -> {
                if (limit(value) < limit(content(dir.resolve("memory.limit_in_bytes")).trim())) {
                    throw new FileSystemException(dir.toString(), null, "Invalid argument");
                }
            }
            case "cgroup.procs" -> {
                if (Files.exists(dir.resolve("cpuset.cpus"))
                        && (content(dir.resolve("cpuset.cpus")).isBlank() || content(dir.resolve("cpuset.mems")).isBlank())) {
                    throw new FileSystemException(dir.toString(), null, "No space left on device");
                }
            }
            default -> {
            }
        }
    }

    private static long limit(String v) {
        return v.equals("-1") ? Long.MAX_VALUE : Long.parseLong(v);
    }
}
