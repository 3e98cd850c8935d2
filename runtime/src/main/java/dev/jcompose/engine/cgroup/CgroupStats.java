package dev.jcompose.engine.cgroup;

import java.util.LinkedHashMap;
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
 * @param ioReadBytes   bytes read from block devices (v1 {@code blkio.throttle.io_service_bytes_recursive}, v2 {@code io.stat})
 * @param ioWriteBytes  bytes written to block devices
 */
public record CgroupStats(long memoryUsage, long memoryLimit, Map<String, Long> memoryStat, long oomKills,
                          long cpuUsageNanos, long pidsCurrent, long pidsLimit, long ioReadBytes, long ioWriteBytes) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public CgroupStats {
        memoryStat = Map.copyOf(memoryStat);
    }

    /**
     * Memory use as {@code docker stats} shows it: usage minus the inactive page cache
     * ({@code total_inactive_file} on v1, {@code inactive_file} on v2), never below 0.
     */
    public long memoryUsageWithoutCache() {
        long cache = memoryStat.getOrDefault("total_inactive_file", memoryStat.getOrDefault("inactive_file", 0L));
        return Math.max(0, memoryUsage - cache);
    }

    /** Parses {@code key value} lines ({@code memory.stat}, {@code cpu.stat}, {@code memory.events}). */
    public static Map<String, Long> parseFlatKeyed(String text) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[1].matches("-?\\d+")) {
                values.put(f[0], Long.parseLong(f[1]));
            }
        }
        return values;
    }

    /** Sums {@code rbytes} and {@code wbytes} over the devices of v2's {@code io.stat} ({@code 8:0 rbytes=1 wbytes=2 …}). */
    static long[] parseV2IoStat(String text) {
        long[] rw = new long[2];
        for (String line : text.split("\n")) {
            for (String field : line.trim().split("\\s+")) {
                if (field.startsWith("rbytes=")) {
                    rw[0] += Long.parseLong(field.substring(7));
                } else if (field.startsWith("wbytes=")) {
                    rw[1] += Long.parseLong(field.substring(7));
                }
            }
        }
        return rw;
    }

    /** Sums the {@code Read} and {@code Write} lines of v1's {@code blkio.*io_service_bytes*} ({@code 8:0 Read 123}). */
    static long[] parseV1IoServiceBytes(String text) {
        long[] rw = new long[2];
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[2].matches("\\d+")) {
                if (f[1].equals("Read")) {
                    rw[0] += Long.parseLong(f[2]);
                } else if (f[1].equals("Write")) {
                    rw[1] += Long.parseLong(f[2]);
                }
            }
        }
        return rw;
    }
}
