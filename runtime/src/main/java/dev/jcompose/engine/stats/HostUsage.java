package dev.jcompose.engine.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host-wide numbers a stats frame carries besides the container's own: the CPU time of the whole
 * machine ({@code system_cpu_usage}, the denominator of {@code docker stats}' CPU %), the CPUs online and
 * the memory installed (the {@code limit} Docker reports for a container without a memory limit).
 *
 * @param systemCpuNanos all CPU time spent on the host, in nanoseconds (/proc/stat's {@code cpu} line, as Docker sums it)
 * @param onlineCpus     CPUs online (the {@code cpuN} lines)
 * @param memTotalBytes  /proc/meminfo's {@code MemTotal}
 */
public record HostUsage(long systemCpuNanos, int onlineCpus, long memTotalBytes) {
    /** USER_HZ: /proc/stat counts ticks of 10 ms on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** Reads {@code proc/stat} and {@code proc/meminfo} under {@code procRoot} ({@code /proc} on a host). */
    public static HostUsage read(Path procRoot) throws IOException {
        return parse(Files.readString(procRoot.resolve("stat")), Files.readString(procRoot.resolve("meminfo")));
    }

    /**
     * From the texts of /proc/stat and /proc/meminfo. The system time sums user, nice, system, idle, iowait, irq,
     * softirq and steal (Docker's sum; guest time is already inside user).
     */
    static HostUsage parse(String stat, String meminfo) {
        long ticks = 0;
        int cpus = 0;
        for (String line : stat.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cpu")) {
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    ticks += Long.parseLong(f[i]);
                }
            } else if (f[0].matches("cpu\\d+")) {
                cpus++;
            }
        }
        long memTotal = 0;
        for (String line : meminfo.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("MemTotal:") && f.length >= 2) {
                memTotal = Long.parseLong(f[1]) * (f.length > 2 && f[2].equals("kB") ? 1024 : 1);
            }
        }
        return new HostUsage(ticks * NANOS_PER_TICK, cpus, memTotal);
    }
}
