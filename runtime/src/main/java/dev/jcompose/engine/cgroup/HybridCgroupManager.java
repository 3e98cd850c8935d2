package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's cgroup on a hybrid host: the v1 hierarchies carry the controllers, and the
 * cgroup2 mount (often {@code /sys/fs/cgroup/unified}) carries the few that are not bound to a v1
 * hierarchy (on these machines: hugetlb). Processes join both trees, as runc does, so the unified
 * tree accounts for them too; the freezer is v1's when mounted, cgroup2's otherwise.
 */
public final class HybridCgroupManager implements CgroupManager {
    private final CgroupV1Manager v1;
    private final CgroupV2Manager v2;
    private final boolean hugetlbOnV2;

    /**
     * @param hugetlbOnV2 whether huge page limits go to cgroup2 (hugetlb is not bound to a v1 hierarchy)
     */
    public HybridCgroupManager(CgroupV1Manager v1, CgroupV2Manager v2, boolean hugetlbOnV2) {
        if (!v1.path().equals(v2.path())) {
            throw new IllegalArgumentException("hybrid cgroup halves disagree on the path: " + v1.path() + " vs " + v2.path());
        }
        this.v1 = v1;
        this.v2 = v2;
        this.hugetlbOnV2 = hugetlbOnV2;
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
        if (!hugetlbOnV2 || resources.hugepages().isEmpty()) {
            return v1.apply(resources);
        }
        List<String> warnings = new ArrayList<>(v1.apply(resources.withHugepages(List.of())));
        warnings.addAll(v2.apply(Resources.none().withHugepages(resources.hugepages())));
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
        try {
            v1.remove(timeout);
        } finally {
            v2.remove(timeout);
        }
    }

    @Override
    public String toString() {
        return "hybrid " + v1 + " + " + v2;
    }
}
