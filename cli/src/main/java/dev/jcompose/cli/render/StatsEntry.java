package dev.jcompose.cli.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of {@code stats}: what the docker CLI computes from a container's stats frame (CPU % from the CPU time
 * used against the host's between two samples, memory without the inactive page cache, network and block I/O sums).
 *
 * @param id          the container's full ID
 * @param name        its name without the leading slash
 * @param cpuPercent  CPU use over the last interval, 100 per CPU
 * @param memory      bytes used, page cache left out as docker does
 * @param memoryLimit the limit in bytes (the host's memory when unlimited)
 * @param memPercent  memory against the limit, 0 when there is no limit
 * @param netRx       bytes received over all the container's interfaces
 * @param netTx       bytes sent
 * @param blockRead   bytes read from block devices
 * @param blockWrite  bytes written
 * @param pids        processes now
 */
public record StatsEntry(String id, String name, double cpuPercent, long memory, long memoryLimit, double memPercent,
                         long netRx, long netTx, long blockRead, long blockWrite, long pids) {

    /**
     * The row for {@code frame}, its CPU % against {@code previous} (the frame before, or null to use the frame's own
     * {@code precpu_stats}, as {@code docker stats} does).
     */
    public static StatsEntry of(String id, JsonNode frame, JsonNode previous) {
        JsonNode cpu = frame.path("cpu_stats");
        JsonNode pre = previous == null ? frame.path("precpu_stats") : previous.path("cpu_stats");
        double cpuDelta = cpu.path("cpu_usage").path("total_usage").asDouble() - pre.path("cpu_usage").path("total_usage").asDouble();
        double systemDelta = cpu.path("system_cpu_usage").asDouble() - pre.path("system_cpu_usage").asDouble();
        double cpus = cpu.path("online_cpus").asDouble();
        if (cpus == 0) {
            cpus = cpu.path("cpu_usage").path("percpu_usage").size();
        }
        double cpuPercent = systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * cpus * 100 : 0;

        JsonNode mem = frame.path("memory_stats");
        long usage = mem.path("usage").asLong();
        JsonNode stats = mem.path("stats");
        long used = usage;
        if (stats.has("total_inactive_file") && stats.path("total_inactive_file").asLong() < usage) {
            used = usage - stats.path("total_inactive_file").asLong(); // cgroup v1
        } else if (stats.path("inactive_file").asLong() < usage) {
            used = usage - stats.path("inactive_file").asLong(); // cgroup v2
        }
        long limit = mem.path("limit").asLong();
        double memPercent = limit != 0 ? (double) used / limit * 100 : 0;

        long rx = 0;
        long tx = 0;
        for (JsonNode n : frame.path("networks")) {
            rx += n.path("rx_bytes").asLong();
            tx += n.path("tx_bytes").asLong();
        }
        long read = 0;
        long write = 0;
        for (JsonNode e : frame.path("blkio_stats").path("io_service_bytes_recursive")) {
            String op = e.path("op").asText();
            if (!op.isEmpty() && Character.toLowerCase(op.charAt(0)) == 'r') {
                read += e.path("value").asLong();
            } else if (!op.isEmpty() && Character.toLowerCase(op.charAt(0)) == 'w') {
                write += e.path("value").asLong();
            }
        }
        String name = frame.path("name").asText();
        return new StatsEntry(id, name.startsWith("/") ? name.substring(1) : name, cpuPercent, used, limit, memPercent,
                rx, tx, read, write, frame.path("pids_stats").path("current").asLong());
    }
}
