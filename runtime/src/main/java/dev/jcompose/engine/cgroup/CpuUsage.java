package dev.jcompose.engine.cgroup;

import java.util.List;

/**
 * CPU time a cgroup used, in nanoseconds, and how often its quota throttled it (Docker's {@code cpu_usage}
 * and {@code throttling_data}).
 *
 * @param totalNanos          all CPU time (v1 {@code cpuacct.usage}, v2 {@code usage_usec})
 * @param userNanos           time in user mode (v1 {@code cpuacct.stat} ticks, v2 {@code user_usec})
 * @param systemNanos         time in kernel mode
 * @param perCpuNanos         per CPU (v1 {@code cpuacct.usage_percpu}); empty on v2, which has no such file
 * @param periods             enforcement periods elapsed ({@code nr_periods})
 * @param throttledPeriods    periods in which the quota ran out ({@code nr_throttled})
 * @param throttledNanos      time spent throttled (v1 {@code throttled_time}, v2 {@code throttled_usec})
 */
public record CpuUsage(long totalNanos, long userNanos, long systemNanos, List<Long> perCpuNanos,
                       long periods, long throttledPeriods, long throttledNanos) {
    public static final CpuUsage NONE = new CpuUsage(0, 0, 0, List.of(), 0, 0, 0);

    public CpuUsage {
        perCpuNanos = List.copyOf(perCpuNanos);
    }
}
