package dev.jcompose.engine.cgroup;

import java.util.HashSet;
import java.util.Set;

/**
 * Makes the {@link CgroupManager} that fits the host's {@link CgroupLayout}: v2 on a unified host,
 * v1 on a legacy one, both halves on a hybrid one.
 */
public final class CgroupManagerFactory {
    private final CgroupLayout layout;
    private final CgroupFs fs;
    private final ProcessKiller killer;

    public CgroupManagerFactory(CgroupLayout layout, CgroupFs fs, ProcessKiller killer) {
        this.layout = layout;
        this.fs = fs;
        this.killer = killer;
    }

    /** The factory for this host: its detected layout, the real cgroupfs, real SIGKILLs. */
    public static CgroupManagerFactory forHost() throws CgroupException {
        return new CgroupManagerFactory(CgroupLayoutDetector.detect(), new CgroupFs(), ProcessKiller.sigkill());
    }

    public CgroupLayout layout() {
        return layout;
    }

    /**
     * The manager of the cgroup at {@code path} below the hierarchy roots ({@code jcompose/<id>},
     * or {@code <cgroup_parent>/<id>}). Nothing is created until {@link CgroupManager#create()}.
     *
     * @throws IllegalArgumentException for the root cgroup, {@code ..} or empty segments
     */
    public CgroupManager forPath(String path) {
        return switch (layout.mode()) {
            case UNIFIED -> v2(path, layout.unified().orElseThrow().controllers());
            case LEGACY -> new CgroupV1Manager(fs, killer, layout.v1(), path);
            case HYBRID -> {
                Set<String> v2Only = new HashSet<>(layout.unified().orElseThrow().controllers());
                v2Only.removeIf(c -> layout.v1For(c).isPresent());
                yield new HybridCgroupManager(new CgroupV1Manager(fs, killer, layout.v1(), path), v2(path, v2Only),
                        layout.onUnified("hugetlb"));
            }
        };
    }

    private CgroupV2Manager v2(String path, Set<String> controllers) {
        return new CgroupV2Manager(fs, killer, layout.unified().orElseThrow().mountPoint(), path, controllers);
    }
}
