package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's cgroup on a hybrid host: the v1 hierarchies carry the controllers, and the
 * cgroup2 mount (often {@code /sys/fs/cgroup/unified}) carries the few that are not bound to a v1
 * hierarchy (on these machines: hugetlb). Processes join both trees, as runc does, so the unified
 * tree accounts for them too; the freezer is v1's when mounted, cgroup2's otherwise, and device rules
 * go to v1's devices controller when mounted, to an eBPF filter on the cgroup2 half otherwise.
 */
public final class HybridCgroupManager implements CgroupManager {
    private final CgroupV1Manager v1;
    private final CgroupV2Manager v2;
    private final boolean hugetlbOnV2;
    private final boolean devicesOnV1;

    /**
     * @param hugetlbOnV2 whether huge page limits go to cgroup2 (hugetlb is not bound to a v1 hierarchy)
     * @param devicesOnV1 whether a v1 devices hierarchy is mounted (else device rules become an eBPF filter on cgroup2)
     */
    public HybridCgroupManager(CgroupV1Manager v1, CgroupV2Manager v2, boolean hugetlbOnV2, boolean devicesOnV1) {
        if (!v1.path().equals(v2.path())) {
            throw new IllegalArgumentException("hybrid cgroup halves disagree on the path: " + v1.path() + " vs " + v2.path());
        }
        this.v1 = v1;
        this.v2 = v2;
        this.hugetlbOnV2 = hugetlbOnV2;
        this.devicesOnV1 = devicesOnV1;
    }

    @Override
    public String path() {
        return v1.path();
    }

    @Override
    public List<Path> directories() {
        List<Path> all = new ArrayList<>(v1.directories());
        all.addAll(v2.directories());
        return all;
    }

    @Override
    public boolean exists() {
        return v1.exists();
    }

    @Override
    public void create() throws CgroupException {
        v1.create();
        v2.create();
    }

    @Override
    public List<String> apply(Resources resources) throws CgroupException {
        Resources forV1 = resources;
        Resources forV2 = Resources.none();
        if (hugetlbOnV2 && !resources.hugepages().isEmpty()) {
            forV1 = forV1.withHugepages(List.of());
            forV2 = forV2.withHugepages(resources.hugepages());
        }
        if (!devicesOnV1 && !resources.devices().isEmpty()) {
            forV1 = forV1.withDevices(List.of());
            forV2 = forV2.withDevices(resources.devices());
        }
        List<String> warnings = new ArrayList<>(v1.apply(forV1));
        if (!forV2.equals(Resources.none())) {
            warnings.addAll(v2.apply(forV2));
        }
        return warnings;
    }

    @Override
    public void addProcess(long pid) throws CgroupException {
        v1.addProcess(pid);
        v2.addProcess(pid);
    }

    @Override
    public List<Long> pids() throws CgroupException {
        return v1.pids();
    }

    @Override
    public void freeze() throws CgroupException {
        if (v1.hasFreezer()) {
            v1.freeze();
        } else {
            v2.freeze();
        }
    }

    @Override
    public void thaw() throws CgroupException {
        if (v1.hasFreezer()) {
            v1.thaw();
        } else {
            v2.thaw();
        }
    }

    @Override
    public FreezerState freezerState() throws CgroupException {
        return v1.hasFreezer() ? v1.freezerState() : v2.freezerState();
    }

    @Override
    public CgroupStats stats() throws CgroupException {
        return v1.stats();
    }

    @Override
    public void killAll() throws CgroupException {
        v1.killAll();
    }

    @Override
    public void remove(Duration timeout) throws CgroupException {
        CgroupException first = null;
        try {
            v1.remove(timeout);
        } catch (CgroupException e) {
            first = e;
        }
        try {
            v2.remove(timeout);
        } catch (CgroupException e) {
            if (first == null) {
                first = e;
            }
        }
        if (first != null) {
            throw first; // both halves were attempted; the first failure is reported
        }
    }

    @Override
    public String toString() {
        return "hybrid " + v1 + " + " + v2;
    }
}
