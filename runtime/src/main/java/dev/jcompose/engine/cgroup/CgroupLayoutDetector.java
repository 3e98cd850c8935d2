package dev.jcompose.engine.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds out the host's {@link CgroupLayout} from {@code /proc/self/mountinfo}, {@code /proc/cgroups},
 * {@code /proc/filesystems} and the cgroup2 root's {@code cgroup.controllers}. Parses; never shells out.
 */
public final class CgroupLayoutDetector {
    /** v1 controllers the kernel has had; {@code /proc/cgroups} adds any newer ones. */
    private static final Set<String> KNOWN_V1_CONTROLLERS = Set.of("cpuset", "cpu", "cpuacct", "blkio", "memory",
            "devices", "freezer", "net_cls", "perf_event", "net_prio", "hugetlb", "pids", "rdma", "misc", "debug");
    /** Where a cgroup2 mount is preferred when several are mounted. */
    private static final List<Path> PREFERRED_V2 = List.of(Path.of("/sys/fs/cgroup"), Path.of("/sys/fs/cgroup/unified"));

    private CgroupLayoutDetector() {
    }

    /** The layout of the host this process runs on. */
    public static CgroupLayout detect() throws CgroupException {
        return detect(Path.of("/proc"));
    }

    /** The layout as seen through a proc filesystem mounted at {@code proc}. */
    public static CgroupLayout detect(Path proc) throws CgroupException {
        String mountinfo = readFile(proc.resolve("self/mountinfo"));
        String cgroups = Files.exists(proc.resolve("cgroups")) ? readFile(proc.resolve("cgroups")) : "";
        String filesystems = readFile(proc.resolve("filesystems"));
        Optional<CgroupMount> v2 = pickUnified(MountinfoParser.cgroupMounts(mountinfo));
        String controllers = "";
        if (v2.isPresent()) {
            Path file = v2.get().mountPoint().resolve("cgroup.controllers");
            controllers = Files.exists(file) ? readFile(file) : "";
        }
        return parse(mountinfo, cgroups, filesystems, controllers);
    }

    /**
     * The layout described by the texts of the files (pure; what {@link #detect(Path)} reads).
     *
     * @param unifiedControllers the content of the cgroup2 root's {@code cgroup.controllers} ("" when none)
     */
    public static CgroupLayout parse(String mountinfo, String procCgroups, String procFilesystems,
                                     String unifiedControllers) throws CgroupException {
        List<CgroupMount> mounts = MountinfoParser.cgroupMounts(mountinfo);
        Set<String> kernel = kernelControllers(procCgroups);
        Set<String> controllerNames = new HashSet<>(KNOWN_V1_CONTROLLERS);
        controllerNames.addAll(kernel);

        List<CgroupLayout.V1Hierarchy> v1 = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (CgroupMount m : mounts) {
            if (m.isV2()) {
                continue;
            }
            Set<String> controllers = m.superOptions().stream()
                    .filter(o -> o.startsWith("name=") || controllerNames.contains(o))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!controllers.isEmpty() && seen.add(controllers)) {
                v1.add(new CgroupLayout.V1Hierarchy(controllers, m.mountPoint(), m.root()));
            }
        }
        Optional<CgroupLayout.UnifiedHierarchy> unified = pickUnified(mounts).map(m -> new CgroupLayout.UnifiedHierarchy(
                m.mountPoint(), m.root(), words(unifiedControllers)));
        boolean v1Controllers = v1.stream().anyMatch(h -> !h.isNamedOnly());
        CgroupLayout.Mode mode;
        if (v1Controllers && unified.isPresent()) {
            mode = CgroupLayout.Mode.HYBRID;
        } else if (v1Controllers) {
            mode = CgroupLayout.Mode.LEGACY;
        } else if (unified.isPresent()) {
            mode = CgroupLayout.Mode.UNIFIED;
            v1.clear(); // a leftover named hierarchy (name=systemd) alone does not make a hybrid host
        } else {
            throw new CgroupException("detecting the cgroup layout from /proc/self/mountinfo: no cgroup or cgroup2 filesystem is mounted");
        }
        boolean hasV2 = Arrays.stream(procFilesystems.split("\n")).map(String::trim)
                .anyMatch(l -> l.endsWith("\tcgroup2") || l.endsWith(" cgroup2") || l.equals("cgroup2"));
        return new CgroupLayout(mode, v1, unified, kernel, hasV2);
    }

    private static Optional<CgroupMount> pickUnified(List<CgroupMount> mounts) {
        return mounts.stream().filter(CgroupMount::isV2)
                .min(Comparator.comparingInt(m -> {
                    int i = PREFERRED_V2.indexOf(m.mountPoint());
                    return i < 0 ? PREFERRED_V2.size() : i;
                }));
    }

    /** Enabled controllers from {@code /proc/cgroups} ({@code #subsys_name hierarchy num_cgroups enabled}). */
    static Set<String> kernelControllers(String procCgroups) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : procCgroups.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && !f[0].startsWith("#") && f[3].equals("1")) {
                names.add(f[0]);
            }
        }
        return names;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String readFile(Path file) throws CgroupException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CgroupException("reading " + file + " to detect the cgroup layout: " + CgroupFs.reason(e), e);
        }
    }
}
