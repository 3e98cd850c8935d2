package dev.jcompose.engine.cgroup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a cgroup's usage, for {@code docker stats} and OOM detection. Numbers the host's
 * controllers cannot provide are 0; limits without a value are {@link #UNLIMITED}.
 *
 * @param memoryUsage    bytes charged now (v1 {@code memory.usage_in_bytes}, v2 {@code memory.current})
 * @param memoryMaxUsage the highest charge seen (v1 {@code memory.max_usage_in_bytes}; null on v2, which has none, as in Docker's JSON)
 * @param memoryLimit    the hard limit in bytes
 * @param memoryFailcnt  times the limit was hit (v1 {@code memory.failcnt}; null on v2)
 * @param memoryStat     the {@code memory.stat} counters (v1 includes the {@code total_*} ones)
 * @param oomKills       processes the OOM killer killed in this cgroup ({@code oom_kill})
 * @param cpu            CPU time and throttling
 * @param pidsCurrent    tasks now
 * @param pidsLimit      the tasks limit
 * @param ioServiceBytes bytes per device and operation (v1 {@code blkio.throttle.io_service_bytes_recursive},
 *                       v2 {@code io.stat} rbytes/wbytes)
 * @param ioServiced     operations per device and operation (v1 {@code blkio.throttle.io_serviced_recursive},
 *                       v2 {@code io.stat} rios/wios)
 */
public record CgroupStats(long memoryUsage, Long memoryMaxUsage, long memoryLimit, Long memoryFailcnt,
                          Map<String, Long> memoryStat, long oomKills, CpuUsage cpu, long pidsCurrent, long pidsLimit,
                          List<IoEntry> ioServiceBytes, List<IoEntry> ioServiced) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public CgroupStats {
        memoryStat = Collections.unmodifiableMap(new LinkedHashMap<>(memoryStat)); // keeps the kernel's order
        ioServiceBytes = List.copyOf(ioServiceBytes);
        ioServiced = List.copyOf(ioServiced);
    }

    /** CPU time used, in nanoseconds. */
    public long cpuUsageNanos() {
        return cpu.totalNanos();
    }

    /** Bytes read from block devices, summed over devices. */
    public long ioReadBytes() {
        return ioServiceBytes.stream().filter(IoEntry::isRead).mapToLong(IoEntry::value).sum();
    }

    /** Bytes written to block devices, summed over devices. */
    public long ioWriteBytes() {
        return ioServiceBytes.stream().filter(IoEntry::isWrite).mapToLong(IoEntry::value).sum();
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

    /**
     * The per-device counters of v2's {@code io.stat} ({@code 8:0 rbytes=1 wbytes=2 rios=3 wios=4 …}) as Docker reports
     * them: {@code readKey} as op {@code read}, {@code writeKey} as {@code write} (bytes: rbytes/wbytes; operations: rios/wios).
     */
    static List<IoEntry> parseV2IoStat(String text, String readKey, String writeKey) {
        List<IoEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            String[] dev = f[0].split(":");
            if (dev.length != 2 || !dev[0].matches("\\d+") || !dev[1].matches("\\d+")) {
                continue;
            }
            long major = Long.parseLong(dev[0]);
            long minor = Long.parseLong(dev[1]);
            for (int i = 1; i < f.length; i++) {
                String[] kv = f[i].split("=", 2);
                if (kv.length == 2 && kv[1].matches("\\d+")) {
                    if (kv[0].equals(readKey)) {
                        entries.add(new IoEntry(major, minor, "read", Long.parseLong(kv[1])));
                    } else if (kv[0].equals(writeKey)) {
                        entries.add(new IoEntry(major, minor, "write", Long.parseLong(kv[1])));
                    }
                }
            }
        }
        return entries;
    }

    /** The per-device lines of v1's {@code blkio.*_recursive} files ({@code 8:0 Read 123}); the closing {@code Total N} is left out. */
    static List<IoEntry> parseV1IoEntries(String text) {
        List<IoEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3 || !f[2].matches("\\d+")) {
                continue;
            }
            String[] dev = f[0].split(":");
            if (dev.length == 2 && dev[0].matches("\\d+") && dev[1].matches("\\d+")) {
                entries.add(new IoEntry(Long.parseLong(dev[0]), Long.parseLong(dev[1]), f[1], Long.parseLong(f[2])));
            }
        }
        return entries;
    }

    /** The numbers of v1's {@code cpuacct.usage_percpu} (one per possible CPU, space-separated). */
    static List<Long> parseNumbers(String text) {
        List<Long> numbers = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (w.matches("\\d+")) {
                numbers.add(Long.parseLong(w));
            }
        }
        return numbers;
    }
}
