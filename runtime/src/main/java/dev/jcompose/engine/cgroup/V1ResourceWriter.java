package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Resources} into a container's v1 cgroup directories, one per controller:
 * {@code memory.limit_in_bytes}, {@code memory.memsw.limit_in_bytes} (when swap accounting is on),
 * {@code memory.soft_limit_in_bytes}, {@code memory.swappiness}, {@code memory.oom_control},
 * {@code cpu.shares}, {@code cpu.cfs_period_us}/{@code cpu.cfs_quota_us}, {@code cpuset.*},
 * {@code pids.max}, {@code blkio.weight} (or BFQ's {@code blkio.bfq.weight}), {@code blkio.throttle.*},
 * {@code devices.allow}/{@code devices.deny}, {@code hugetlb.<size>.limit_in_bytes}.
 */
final class V1ResourceWriter {
    private final CgroupFs fs;
    private final Map<String, Path> dirs;
    private final List<String> warnings = new ArrayList<>();

    /** @param dirs the container's directory for each mounted controller ({@code memory} → …/memory/jcompose/abc) */
    V1ResourceWriter(CgroupFs fs, Map<String, Path> dirs) {
        this.fs = fs;
        this.dirs = dirs;
    }

    List<String> apply(Resources r) throws CgroupException {
        memory(r.memory());
        cpu(r.cpu());
        Path pids = dir("pids", r.pidsLimit() != null, "pids limit");
        if (pids != null) {
            fs.write(pids, "pids.max", r.pidsLimit() <= 0 ? "max" : Long.toString(r.pidsLimit()));
        }
        blkio(r.blkio());
        Path devices = dir("devices", !r.devices().isEmpty(), "device rules");
        if (devices != null) {
            for (DeviceRule rule : r.devices()) {
                fs.write(devices, rule.allow() ? "devices.allow" : "devices.deny", rule.toV1Line());
            }
        }
        Path hugetlb = dir("hugetlb", !r.hugepages().isEmpty(), "huge page limits");
        if (hugetlb != null) {
            for (HugepageLimit h : r.hugepages()) {
                fs.write(hugetlb, "hugetlb." + h.pageSize() + ".limit_in_bytes", Long.toString(h.limit()));
            }
        }
        return List.copyOf(warnings);
    }

    private void memory(MemoryLimits m) throws CgroupException {
        Path d = dir("memory", !m.isEmpty(), "memory limits");
        if (d == null) {
            return;
        }
        boolean swapAccounting = fs.has(d, "memory.memsw.limit_in_bytes");
        Long swap = m.swap();
        if (swap != null && swap != 0 && !swapAccounting) {
            warnings.add("memory+swap limit discarded: swap accounting is off (no memory.memsw.limit_in_bytes in " + d + ")");
            swap = null;
        }
        if (swap != null && swap > 0 && (m.limit() == null || m.limit() <= 0)) {
            throw new CgroupException("setting memory.memsw.limit_in_bytes=" + swap + " in " + d + ": a memory+swap limit needs a memory limit");
        }
        if (m.limit() != null && swap != null && swap != 0) {
            // memsw must stay >= the memory limit at every moment: raise memsw first, lower it last
            long current = ResourceConversions.parseV1Limit(fs.read(d, "memory.memsw.limit_in_bytes"));
            boolean raising = swap == -1 || swap > current;
            if (raising) {
                fs.write(d, "memory.memsw.limit_in_bytes", Long.toString(swap));
            }
            fs.write(d, "memory.limit_in_bytes", Long.toString(m.limit()));
            if (!raising) {
                fs.write(d, "memory.memsw.limit_in_bytes", Long.toString(swap));
            }
        } else if (m.limit() != null) {
            fs.write(d, "memory.limit_in_bytes", Long.toString(m.limit()));
            if (m.limit() == -1 && swapAccounting) {
                fs.write(d, "memory.memsw.limit_in_bytes", "-1");
            }
        } else if (swap != null && swap != 0) {
            fs.write(d, "memory.memsw.limit_in_bytes", Long.toString(swap));
        }
        if (m.reservation() != null) {
            fs.write(d, "memory.soft_limit_in_bytes", Long.toString(m.reservation()));
        }
        if (m.swappiness() != null) {
            fs.write(d, "memory.swappiness", Integer.toString(m.swappiness()));
        }
        if (m.oomKillDisable()) {
            fs.write(d, "memory.oom_control", "1");
        }
    }

    private void cpu(CpuLimits c) throws CgroupException {
        Long quota = c.quota();
        Long period = c.period();
        if (c.nanoCpus() != null && c.nanoCpus() > 0) {
            period = ResourceConversions.DEFAULT_CPU_PERIOD_US;
            quota = ResourceConversions.nanoCpusToQuota(c.nanoCpus(), period);
        }
        boolean wantShares = c.shares() != null && c.shares() != 0;
        boolean wantPeriod = period != null && period != 0;
        boolean wantQuota = quota != null && quota != 0;
        Path d = dir("cpu", wantShares || wantPeriod || wantQuota, "cpu limits");
        if (d != null) {
            if (wantShares) {
                fs.write(d, "cpu.shares", Long.toString(c.shares()));
            }
            if (wantPeriod) {
                fs.write(d, "cpu.cfs_period_us", Long.toString(period));
            }
            if (wantQuota) {
                fs.write(d, "cpu.cfs_quota_us", Long.toString(quota));
            }
        }
        boolean wantCpus = c.cpusetCpus() != null && !c.cpusetCpus().isEmpty();
        boolean wantMems = c.cpusetMems() != null && !c.cpusetMems().isEmpty();
        Path cs = dir("cpuset", wantCpus || wantMems, "cpuset");
        if (cs != null) {
            if (wantCpus) {
                fs.write(cs, "cpuset.cpus", c.cpusetCpus());
            }
            if (wantMems) {
                fs.write(cs, "cpuset.mems", c.cpusetMems());
            }
        }
    }

    private void blkio(BlkioLimits b) throws CgroupException {
        Path d = dir("blkio", !b.isEmpty(), "block I/O limits");
        if (d == null) {
            return;
        }
        // CFQ had blkio.weight; with BFQ (the only proportional scheduler left) it is blkio.bfq.weight
        String prefix = fs.has(d, "blkio.weight") ? "blkio." : fs.has(d, "blkio.bfq.weight") ? "blkio.bfq." : null;
        if ((b.weight() != null && b.weight() != 0) || !b.weightDevices().isEmpty()) {
            if (prefix == null) {
                warnings.add("blkio weight discarded: no proportional I/O scheduler (blkio.weight, blkio.bfq.weight) in " + d);
            } else {
                if (b.weight() != null && b.weight() != 0) {
                    fs.write(d, prefix + "weight", Integer.toString(b.weight()));
                }
                for (Map.Entry<BlockDevice, Integer> e : BlockDevice.inOrder(b.weightDevices())) {
                    fs.write(d, prefix + "weight_device", e.getKey() + " " + e.getValue());
                }
            }
        }
        for (Map.Entry<String, Map<BlockDevice, Long>> t : b.throttles()) {
            for (Map.Entry<BlockDevice, Long> e : BlockDevice.inOrder(t.getValue())) {
                fs.write(d, "blkio.throttle." + t.getKey() + "_device", e.getKey() + " " + e.getValue());
            }
        }
    }

    /** The directory of a controller when something needs it; a warning and null when it is not mounted. */
    private Path dir(String controller, boolean needed, String what) {
        if (!needed) {
            return null;
        }
        Path d = dirs.get(controller);
        if (d == null) {
            warnings.add(what + " discarded: no " + controller + " cgroup hierarchy is mounted");
        }
        return d;
    }
}
