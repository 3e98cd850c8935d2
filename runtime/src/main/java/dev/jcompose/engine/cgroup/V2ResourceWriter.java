package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@link Resources} into one cgroup v2 directory: {@code memory.max}, {@code memory.low},
 * {@code memory.swap.max}, {@code cpu.weight}, {@code cpu.max}, {@code cpuset.*}, {@code pids.max},
 * {@code io.weight}/{@code io.bfq.weight}, {@code io.max}, {@code hugetlb.<size>.max}.
 *
 * <p>Device rules go to the {@link DeviceFilter} (an eBPF program attached to the cgroup, as v2
 * has no devices files). Swappiness and oom_kill_disable have no v2 equivalent and are reported as
 * discarded.
 */
final class V2ResourceWriter {
    private final CgroupFs fs;
    private final Path dir;
    private final Set<String> controllers;
    private final DeviceFilter deviceFilter;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param controllers the controllers enabled in {@code dir} (its {@code cgroup.controllers})
     */
    V2ResourceWriter(CgroupFs fs, Path dir, Set<String> controllers, DeviceFilter deviceFilter) {
        this.fs = fs;
        this.dir = dir;
        this.controllers = controllers;
        this.deviceFilter = deviceFilter;
    }

    /** Writes everything set in {@code r}; returns the warnings for what was discarded. */
    List<String> apply(Resources r) throws CgroupException {
        memory(r.memory());
        cpu(r.cpu());
        if (r.pidsLimit() != null && available("pids", "pids limit")) {
            fs.write(dir, "pids.max", r.pidsLimit() <= 0 ? "max" : Long.toString(r.pidsLimit()));
        }
        io(r.blkio());
        if (!r.devices().isEmpty()) {
            deviceFilter.install(dir, r.devices());
        }
        for (HugepageLimit h : r.hugepages()) {
            if (available("hugetlb", "huge page limit")) {
                fs.write(dir, "hugetlb." + h.pageSize() + ".max", Long.toString(h.limit()));
            }
        }
        return List.copyOf(warnings);
    }

    private void memory(MemoryLimits m) throws CgroupException {
        if (m.isEmpty() || !available("memory", "memory limits")) {
            return;
        }
        if (m.swap() != null && m.swap() != 0) {
            long swap;
            try {
                swap = ResourceConversions.swapToV2(m.swap(), m.limit() == null ? 0 : m.limit());
            } catch (IllegalArgumentException e) {
                throw new CgroupException("setting memory.swap.max in " + dir + ": " + e.getMessage());
            }
            if (fs.has(dir, "memory.swap.max")) {
                fs.write(dir, "memory.swap.max", ResourceConversions.v2Limit(swap));
            } else {
                warnings.add("memory+swap limit discarded: memory.swap.max is missing in " + dir + " (swap accounting is off)");
            }
        } else if (m.limit() != null && m.limit() == -1 && fs.has(dir, "memory.swap.max")) {
            fs.write(dir, "memory.swap.max", "max");
        }
        if (m.limit() != null) {
            fs.write(dir, "memory.max", ResourceConversions.v2Limit(m.limit()));
        }
        if (m.reservation() != null) {
            fs.write(dir, "memory.low", m.reservation() < 0 ? "0" : Long.toString(m.reservation()));
        }
        if (m.swappiness() != null) {
            warnings.add("memory swappiness discarded: cgroup v2 has no per-cgroup swappiness");
        }
        if (m.oomKillDisable()) {
            warnings.add("oom_kill_disable discarded: cgroup v2 cannot disable the OOM killer");
        }
    }

    private void cpu(CpuLimits c) throws CgroupException {
        if (c.shares() != null && c.shares() != 0 && available("cpu", "cpu shares")) {
            fs.write(dir, "cpu.weight", Long.toString(ResourceConversions.sharesToWeight(c.shares())));
        }
        Long quota = c.quota();
        Long period = c.period();
        if (c.nanoCpus() != null && c.nanoCpus() > 0) {
            period = ResourceConversions.DEFAULT_CPU_PERIOD_US;
            quota = ResourceConversions.nanoCpusToQuota(c.nanoCpus(), period);
        }
        if ((quota != null && quota != 0 || period != null && period != 0) && available("cpu", "cpu quota")) {
            fs.write(dir, "cpu.max", ResourceConversions.cpuMax(quota, period));
        }
        if (c.cpusetCpus() != null && !c.cpusetCpus().isEmpty() && available("cpuset", "cpuset cpus")) {
            fs.write(dir, "cpuset.cpus", c.cpusetCpus());
        }
        if (c.cpusetMems() != null && !c.cpusetMems().isEmpty() && available("cpuset", "cpuset mems")) {
            fs.write(dir, "cpuset.mems", c.cpusetMems());
        }
    }

    private void io(BlkioLimits b) throws CgroupException {
        if (b.isEmpty() || !available("io", "block I/O limits")) {
            return;
        }
        // BFQ's io.bfq.weight takes blkio's own 1..1000 scale; the generic io.weight (io cost) takes 1..10000
        boolean bfq = fs.has(dir, "io.bfq.weight");
        String weightFile = bfq ? "io.bfq.weight" : fs.has(dir, "io.weight") ? "io.weight" : null;
        boolean wantWeight = (b.weight() != null && b.weight() != 0) || !b.weightDevices().isEmpty();
        if (wantWeight && weightFile == null) {
            warnings.add("blkio weight discarded: no proportional I/O control (io.weight, io.bfq.weight) in " + dir);
        } else if (wantWeight) {
            if (b.weight() != null && b.weight() != 0) {
                fs.write(dir, weightFile, "default " + (bfq ? b.weight() : ResourceConversions.blkioWeightToIoWeight(b.weight())));
            }
            for (Map.Entry<BlockDevice, Integer> e : BlockDevice.inOrder(b.weightDevices())) {
                long w = bfq ? e.getValue() : ResourceConversions.blkioWeightToIoWeight(e.getValue());
                fs.write(dir, weightFile, e.getKey() + " " + w);
            }
        }
        String[] keys = {"rbps", "wbps", "riops", "wiops"};
        List<Map.Entry<String, Map<BlockDevice, Long>>> throttles = b.throttles();
        for (int i = 0; i < keys.length; i++) {
            for (Map.Entry<BlockDevice, Long> e : BlockDevice.inOrder(throttles.get(i).getValue())) {
                // one line per device and key; the kernel merges keys for the same device
                fs.write(dir, "io.max", e.getKey() + " " + keys[i] + "=" + (e.getValue() == 0 ? "max" : e.getValue()));
            }
        }
    }

    private boolean available(String controller, String what) {
        if (controllers.contains(controller)) {
            return true;
        }
        String w = what + " discarded: the " + controller + " controller is not enabled in " + dir;
        if (!warnings.contains(w)) {
            warnings.add(w);
        }
        return false;
    }
}
