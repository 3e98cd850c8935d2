package dev.jcompose.engine.cgroup;

import java.util.Map;

/**
 * A snapshot of a cgroup's usage, for {@code docker stats} and OOM detection. Numbers the host's
 * controllers cannot provide are 0; limits without a value are {@link #UNLIMITED}.
 *
 * @param memoryUsage   bytes charged now (v1 {@code memory.usage_in_bytes}, v2 {@code memory.current})
 * @param memoryLimit   the hard limit in bytes
 * @param memoryStat    the {@code memory.stat} counters (v1 includes the {@code total_*} ones)
 * @param oomKills      processes the OOM killer killed in this cgroup ({@code oom_kill})
 * @param cpuUsageNanos CPU time used, in nanoseconds (v1 {@code cpuacct.usage}, v2 {@code usage_usec} × 1000)
 * @param pidsCurrent   tasks now
 * @param pidsLimit     the tasks limit
 */
public record CgroupStats(long memoryUsage, long memoryLimit, Map<String, Long> memoryStat, long oomKills,
                          long cpuUsageNanos, long pidsCurrent, long pidsLimit) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public CgroupStats {
        memoryStat = Map.copyOf(memoryStat);
    }

    /** Parses {@code key value} lines ({@code memory.stat}, {@code cpu.stat}, {@code memory.events}). */
    public static Map<String, Long> parseFlatKeyed(String text) {
        Map<String, Long> values = new java.util.LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[1].matches("-?\\d+")) {
                values.put(f[0], Long.parseLong(f[1]));
            }
        }
        return values;
    }
}
