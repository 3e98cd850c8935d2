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
    private final DeviceFilter deviceFilter;

    /**
     * @param deviceFilter what enforces device rules on cgroup v2 ({@link BpfDeviceFilter} on a real host)
     */
    public CgroupManagerFactory(CgroupLayout layout, CgroupFs fs, ProcessKiller killer, DeviceFilter deviceFilter) {
        this.layout = layout;
        this.fs = fs;
        this.killer = killer;
        this.deviceFilter = deviceFilter;
    }

    /** The factory for this host: its detected layout, the real cgroupfs, real SIGKILLs, eBPF device filters. */
    public static CgroupManagerFactory forHost() throws CgroupException {
        return new CgroupManagerFactory(CgroupLayoutDetector.detect(), new CgroupFs(), ProcessKiller.sigkill(),
                lazyBpf());
    }

    /** A {@link BpfDeviceFilter} made on first use, so that hosts that never need one never load libc through FFI. */
    static DeviceFilter lazyBpf() {
        return new DeviceFilter() {
            private BpfDeviceFilter bpf;

            @Override
            public synchronized void install(java.nio.file.Path cgroupDir, java.util.List<DeviceRule> rules) throws CgroupException {
                if (bpf == null) {
                    bpf = new BpfDeviceFilter();
                }
                bpf.install(cgroupDir, rules);
            }
        };
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
                        layout.onUnified("hugetlb"), layout.v1For("devices").isPresent());
            }
        };
    }

    private CgroupV2Manager v2(String path, Set<String> controllers) {
        return new CgroupV2Manager(fs, killer, layout.unified().orElseThrow().mountPoint(), path, controllers, deviceFilter);
    }
}
