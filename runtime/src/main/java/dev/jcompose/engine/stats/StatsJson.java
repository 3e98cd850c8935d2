package dev.jcompose.engine.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One frame of {@code GET /containers/{id}/stats}, in Docker's {@code StatsResponse} shape (the JSON the
 * {@code docker stats} client computes its CPU %, memory, network and block I/O columns from).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsJson(
        @JsonProperty("read") String read,
        @JsonProperty("preread") String preread,
        @JsonProperty("pids_stats") PidsStats pidsStats,
        @JsonProperty("blkio_stats") BlkioStats blkioStats,
        @JsonProperty("num_procs") int numProcs,
        @JsonProperty("storage_stats") StorageStats storageStats,
        @JsonProperty("cpu_stats") CpuStats cpuStats,
        @JsonProperty("precpu_stats") CpuStats precpuStats,
        @JsonProperty("memory_stats") MemoryStats memoryStats,
        @JsonProperty("name") String name,
        @JsonProperty("id") String id,
        @JsonProperty("networks") Map<String, NetworkStats> networks) {

    /** Go's zero time, which Docker sends as {@code read}/{@code preread} when there is no sample. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    /** Docker's {@code StorageStats}: Windows counters only, so {@code {}} on Linux as dockerd sends it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StorageStats(
            @JsonProperty("read_count_normalized") Long readCountNormalized,
            @JsonProperty("read_size_bytes") Long readSizeBytes,
            @JsonProperty("write_count_normalized") Long writeCountNormalized,
            @JsonProperty("write_size_bytes") Long writeSizeBytes) {
        public static final StorageStats NONE = new StorageStats(null, null, null, null);
    }

    /** Docker's {@code PidsStats}: {@code limit} only when there is one, nothing for a container that is not running. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PidsStats(@JsonProperty("current") Long current, @JsonProperty("limit") Long limit) {
        public static final PidsStats NONE = new PidsStats(null, null);
    }

    /** Docker's {@code BlkioStats}: the lists a host does not have are null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BlkioStats(
            @JsonProperty("io_service_bytes_recursive") List<BlkioEntry> ioServiceBytesRecursive,
            @JsonProperty("io_serviced_recursive") List<BlkioEntry> ioServicedRecursive,
            @JsonProperty("io_queue_recursive") List<BlkioEntry> ioQueueRecursive,
            @JsonProperty("io_service_time_recursive") List<BlkioEntry> ioServiceTimeRecursive,
            @JsonProperty("io_wait_time_recursive") List<BlkioEntry> ioWaitTimeRecursive,
            @JsonProperty("io_merged_recursive") List<BlkioEntry> ioMergedRecursive,
            @JsonProperty("io_time_recursive") List<BlkioEntry> ioTimeRecursive,
            @JsonProperty("sectors_recursive") List<BlkioEntry> sectorsRecursive) {
        public static final BlkioStats NONE = new BlkioStats(null, null, null, null, null, null, null, null);
    }

    public record BlkioEntry(@JsonProperty("major") long major, @JsonProperty("minor") long minor,
                             @JsonProperty("op") String op, @JsonProperty("value") long value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CpuStats(@JsonProperty("cpu_usage") CpuUsageJson cpuUsage,
                           @JsonProperty("system_cpu_usage") Long systemCpuUsage,
                           @JsonProperty("online_cpus") Integer onlineCpus,
                           @JsonProperty("throttling_data") ThrottlingData throttlingData) {
        public static final CpuStats NONE = new CpuStats(new CpuUsageJson(0, null, 0, 0), null, null, new ThrottlingData(0, 0, 0));
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CpuUsageJson(@JsonProperty("total_usage") long totalUsage,
                               @JsonProperty("percpu_usage") List<Long> percpuUsage,
                               @JsonProperty("usage_in_kernelmode") long usageInKernelmode,
                               @JsonProperty("usage_in_usermode") long usageInUsermode) {
    }

    public record ThrottlingData(@JsonProperty("periods") long periods, @JsonProperty("throttled_periods") long throttledPeriods,
                                 @JsonProperty("throttled_time") long throttledTime) {
    }

    /** Docker's {@code MemoryStats}; {@code max_usage} and {@code failcnt} exist on cgroup v1 only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemoryStats(@JsonProperty("usage") Long usage, @JsonProperty("max_usage") Long maxUsage,
                              @JsonProperty("stats") Map<String, Long> stats, @JsonProperty("failcnt") Long failcnt,
                              @JsonProperty("limit") Long limit) {
        public static final MemoryStats NONE = new MemoryStats(null, null, null, null, null);
    }

    public record NetworkStats(@JsonProperty("rx_bytes") long rxBytes, @JsonProperty("rx_packets") long rxPackets,
                               @JsonProperty("rx_errors") long rxErrors, @JsonProperty("rx_dropped") long rxDropped,
                               @JsonProperty("tx_bytes") long txBytes, @JsonProperty("tx_packets") long txPackets,
                               @JsonProperty("tx_errors") long txErrors, @JsonProperty("tx_dropped") long txDropped) {
    }

    /** This frame as the next one's predecessor: its {@code cpu_stats} become {@code precpu_stats} there. */
    public StatsJson withPrevious(StatsJson previous) {
        return new StatsJson(read, previous == null ? ZERO_TIME : previous.read, pidsStats, blkioStats, numProcs, storageStats,
                cpuStats, previous == null ? CpuStats.NONE : previous.cpuStats, memoryStats, name, id, networks);
    }
}
