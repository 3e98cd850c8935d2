package dev.jcompose.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.cgroup.CgroupStats;
import dev.jcompose.engine.cgroup.CpuUsage;
import dev.jcompose.engine.cgroup.IoEntry;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerState;
import dev.jcompose.engine.container.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsSamplerTest {
    static final String NET_DEV = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo:     700       7    0    0    0     0          0         0      700       7    0    0    0     0       0          0
              eth0:    1500      12    1    2    0     0          0         0      900       8    3    4    0     0       0          0
            """;

    static final String PROC_STAT = """
            cpu  100 5 50 1000 20 1 2 3 7 0
            cpu0 50 2 25 500 10 0 1 1 0 0
            cpu1 50 3 25 500 10 1 1 2 0 0
            intr 12345
            """;

    @TempDir
    Path proc;

    private final ObjectMapper json = new ObjectMapper();

    static ContainerRecord container(long pid, String networkMode) {
        HostConfig h = new ObjectMapper().convertValue(Map.of("NetworkMode", networkMode), HostConfig.class);
        ContainerState state = pid > 0 ? ContainerState.created().running(pid, Instant.EPOCH) : ContainerState.created();
        return new ContainerRecord("c0ffee", "2026-12-02T00:00:00Z", "sleep", List.of("60"), state, "sha256:1", null, null, null,
                null, "/demo-web-1", 0, "overlay2", "linux", null, h, null, null, null);
    }

    static CgroupStats cgroup(long memoryLimit) {
        Map<String, Long> memoryStat = new LinkedHashMap<>();
        memoryStat.put("cache", 4096L);
        memoryStat.put("total_inactive_file", 1024L);
        return new CgroupStats(8192, 16384L, memoryLimit, 0L, memoryStat, 0, new CpuUsage(5_000_000, 3_000_000, 2_000_000,
                List.of(4_000_000L, 1_000_000L), 10, 1, 500), 3, 64,
                List.of(new IoEntry(8, 0, "Read", 4096), new IoEntry(8, 0, "Write", 512)), List.of(new IoEntry(8, 0, "Read", 2)));
    }

    private StatsSampler sampler(CgroupStats cg) throws Exception {
        Files.createDirectories(proc.resolve("4242/net"));
        Files.writeString(proc.resolve("4242/net/dev"), NET_DEV);
        return new StatsSampler(id -> Optional.ofNullable(cg), new NetDev(proc),
                () -> HostUsage.parse(PROC_STAT, "MemTotal:        2048 kB\nMemFree: 10 kB\n"));
    }

    /** The frame as a client reads it: written and parsed again. */
    private JsonNode tree(StatsJson frame) throws Exception {
        return json.readTree(json.writeValueAsString(frame));
    }

    @Test
    void aRunningContainersFrameHasDockersShape() throws Exception {
        StatsJson frame = sampler(cgroup(1L << 20)).sample(container(4242, "demo_default"), Instant.parse("2026-12-02T06:00:00.5Z"));
        JsonNode n = tree(frame);

        assertEquals("2026-12-02T06:00:00.500Z", n.get("read").asText());
        assertEquals(StatsJson.ZERO_TIME, n.get("preread").asText());
        assertEquals("/demo-web-1", n.get("name").asText());
        assertEquals("c0ffee", n.get("id").asText());
        assertEquals(json.readTree("{\"current\":3,\"limit\":64}"), n.get("pids_stats"));
        assertEquals(json.readTree("{}"), n.get("storage_stats"), "dockerd sends an empty storage_stats on Linux");
        assertEquals(json.readTree("""
                {"cpu_usage":{"total_usage":5000000,"percpu_usage":[4000000,1000000],"usage_in_kernelmode":2000000,"usage_in_usermode":3000000},
                 "system_cpu_usage":11810000000,"online_cpus":2,"throttling_data":{"periods":10,"throttled_periods":1,"throttled_time":500}}"""),
                n.get("cpu_stats"), "system time: user..steal ticks (1181) at 10 ms each");
        assertEquals(json.readTree("""
                {"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},
                 "throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}}"""), n.get("precpu_stats"));
        assertEquals(json.readTree("""
                {"usage":8192,"max_usage":16384,"stats":{"cache":4096,"total_inactive_file":1024},"failcnt":0,"limit":1048576}"""),
                n.get("memory_stats"));
        assertEquals(json.readTree("""
                [{"major":8,"minor":0,"op":"Read","value":4096},{"major":8,"minor":0,"op":"Write","value":512}]"""),
                n.get("blkio_stats").get("io_service_bytes_recursive"));
        assertTrue(n.get("blkio_stats").get("io_queue_recursive").isNull(), "lists the host lacks are null, as Docker's");
        assertEquals(json.readTree("""
                {"eth0":{"rx_bytes":1500,"rx_packets":12,"rx_errors":1,"rx_dropped":2,"tx_bytes":900,"tx_packets":8,"tx_errors":3,"tx_dropped":4}}"""),
                n.get("networks"), "the loopback is left out");
    }

    @Test
    void noMemoryLimitReportsTheHostsMemoryAndNoPidsLimit() throws Exception {
        CgroupStats unlimited = cgroup(CgroupStats.UNLIMITED);
        CgroupStats noPidsLimit = new CgroupStats(unlimited.memoryUsage(), null, unlimited.memoryLimit(), null, unlimited.memoryStat(),
                0, unlimited.cpu(), 1, CgroupStats.UNLIMITED, List.of(), List.of());
        JsonNode n = tree(sampler(noPidsLimit).sample(container(4242, "bridge"), Instant.EPOCH));

        assertEquals(2048 * 1024, n.get("memory_stats").get("limit").asLong());
        assertFalse(n.get("memory_stats").has("max_usage"), "cgroup v2 has no max usage");
        assertEquals(json.readTree("{\"current\":1}"), n.get("pids_stats"));
        assertTrue(n.get("blkio_stats").get("io_service_bytes_recursive").isNull());
    }

    @Test
    void theNextFrameCarriesThePreviousCpuAsPrecpu() throws Exception {
        StatsSampler s = sampler(cgroup(1L << 20));
        StatsJson first = s.sample(container(4242, "bridge"), Instant.parse("2026-12-02T06:00:00Z"));
        StatsJson second = s.sample(container(4242, "bridge"), Instant.parse("2026-12-02T06:00:01Z")).withPrevious(first);

        assertEquals("2026-12-02T06:00:00Z", second.preread());
        assertEquals(first.cpuStats(), second.precpuStats());
    }

    @Test
    void hostNetworkModeHasNoNetworksAndAStoppedContainerAnEmptyFrame() throws Exception {
        JsonNode host = tree(sampler(cgroup(1L << 20)).sample(container(4242, "host"), Instant.EPOCH));
        assertFalse(host.has("networks"));

        JsonNode stopped = tree(sampler(null).sample(container(0, "bridge"), Instant.EPOCH));
        assertEquals(StatsJson.ZERO_TIME, stopped.get("read").asText());
        assertEquals(json.readTree("{}"), stopped.get("pids_stats"));
        assertEquals(json.readTree("{}"), stopped.get("memory_stats"));
        assertEquals("/demo-web-1", stopped.get("name").asText());
    }

    @Test
    void hostUsageSumsDockersEightFieldsAndCountsCpus() {
        HostUsage h = HostUsage.parse(PROC_STAT, "MemTotal:       16314080 kB\n");
        assertEquals((100 + 5 + 50 + 1000 + 20 + 1 + 2 + 3) * 10_000_000L, h.systemCpuNanos(), "guest time is not added again");
        assertEquals(2, h.onlineCpus());
        assertEquals(16314080L * 1024, h.memTotalBytes());
    }
}
