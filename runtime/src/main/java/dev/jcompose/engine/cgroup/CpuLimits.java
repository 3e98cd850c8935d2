package dev.jcompose.engine.cgroup;

/**
 * CPU limits, in Docker's terms. A null field leaves the setting as it is.
 *
 * @param shares     relative weight, 2..262144 ({@code cpu_shares}); v2 converts it to {@code cpu.weight}
 * @param quota      CFS quota in microseconds per period ({@code cpu_quota}); -1 for unlimited
 * @param period     CFS period in microseconds, 1000..1000000 ({@code cpu_period})
 * @param nanoCpus   {@code cpus} in billionths of a CPU (1.5 CPUs = 1500000000), applied as a quota over a
 *                   100 ms period; Docker refuses it together with quota or period, and so does this record
 * @param cpusetCpus CPUs allowed ({@code cpuset}, e.g. {@code 0-2,4})
 * @param cpusetMems memory nodes allowed (Docker's CpusetMems, e.g. {@code 0})
 */
public record CpuLimits(Long shares, Long quota, Long period, Long nanoCpus, String cpusetCpus, String cpusetMems) {
    public static final CpuLimits NONE = new CpuLimits(null, null, null, null, null, null);

    public CpuLimits {
        if (shares != null && shares != 0 && (shares < 2 || shares > 262_144)) {
            throw new IllegalArgumentException("invalid cpu shares " + shares + ": must be 2..262144");
        }
        if (quota != null && quota != -1 && quota != 0 && quota < 1000) {
            throw new IllegalArgumentException("invalid cpu quota " + quota + ": must be -1 (unlimited) or at least 1000 microseconds");
        }
        if (period != null && period != 0 && (period < 1000 || period > 1_000_000)) {
            throw new IllegalArgumentException("invalid cpu period " + period + ": must be 1000..1000000 microseconds");
        }
        if (nanoCpus != null && nanoCpus < 0) {
            throw new IllegalArgumentException("invalid cpus " + nanoCpus + "e-9: must not be negative");
        }
        if (nanoCpus != null && nanoCpus > 0 && ((quota != null && quota > 0) || (period != null && period > 0))) {
            throw new IllegalArgumentException("conflicting cpu limits: cpus cannot be set together with cpu quota or cpu period");
        }
        checkList("cpuset cpus", cpusetCpus);
        checkList("cpuset mems", cpusetMems);
    }

    /** {@code cpus: 1.5} as a record. */
    public static CpuLimits cpus(double cpus) {
        return new CpuLimits(null, null, null, Math.round(cpus * 1e9), null, null);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private static void checkList(String what, String list) {
        if (list != null && !list.isEmpty() && !list.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
            throw new IllegalArgumentException("invalid " + what + " \"" + list + "\": expected a list like 0-2,4");
        }
    }
}
