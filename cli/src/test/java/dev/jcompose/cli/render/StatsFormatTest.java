package dev.jcompose.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker stats' arithmetic (CPU % against the previous sample, memory without inactive file pages) and columns. */
class StatsFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static JsonNode frame(long cpu, long system, String inactiveKey) throws Exception {
        return JSON.readTree("""
                {"name":"/demo-web-1","pids_stats":{"current":4},
                 "cpu_stats":{"cpu_usage":{"total_usage":%d},"system_cpu_usage":%d,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":0}},
                 "memory_stats":{"usage":10485760,"limit":41943040,"stats":{"%s":2097152}},
                 "networks":{"eth0":{"rx_bytes":1500,"tx_bytes":500},"eth1":{"rx_bytes":500,"tx_bytes":0}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"major":8,"minor":0,"op":"Read","value":4096000},
                   {"major":8,"minor":0,"op":"Write","value":12000},{"major":8,"minor":0,"op":"Total","value":4108000}]}}
                """.formatted(cpu, system, inactiveKey));
    }

    @Test
    void entryComputesAsTheDockerCli() throws Exception {
        StatsEntry e = StatsEntry.of(ID, frame(3_000_000_000L, 20_000_000_000L, "total_inactive_file"),
                frame(2_000_000_000L, 10_000_000_000L, "total_inactive_file"));
        assertEquals(20.0, e.cpuPercent(), 1e-9, "1 s of CPU over 10 s of host time, times 2 CPUs");
        assertEquals(8L << 20, e.memory(), "v1: total_inactive_file left out");
        assertEquals(20.0, e.memPercent(), 1e-9);
        assertEquals(2000, e.netRx(), "summed over interfaces");
        assertEquals(500, e.netTx());
        assertEquals(4096000, e.blockRead(), "only Read and Write entries count");
        assertEquals(12000, e.blockWrite());
        assertEquals(4, e.pids());
        assertEquals("demo-web-1", e.name());

        assertEquals(8L << 20, StatsEntry.of(ID, frame(1, 1, "inactive_file"), null).memory(), "v2: inactive_file left out");
        assertEquals(0.0, StatsEntry.of(ID, frame(0, 0, "x"), null).cpuPercent(), "no time passed: 0");
    }

    @Test
    void tableJsonAndTemplates() throws Exception {
        StatsEntry e = StatsEntry.of(ID, frame(3_000_000_000L, 20_000_000_000L, "total_inactive_file"),
                frame(2_000_000_000L, 10_000_000_000L, "total_inactive_file"));
        assertEquals("""
                CONTAINER ID   NAME         CPU %     MEM USAGE / LIMIT   MEM %     NET I/O      BLOCK I/O      PIDS
                0123456789ab   demo-web-1   20.00%    8MiB / 40MiB        20.00%    2kB / 500B   4.1MB / 12kB   4
                """, print(new StatsFormat(null, true), e));
        assertEquals("""
                {"BlockIO":"4.1MB / 12kB","CPUPerc":"20.00%","Container":"0123456789ab","ID":"0123456789ab","MemPerc":"20.00%","MemUsage":"8MiB / 40MiB","Name":"demo-web-1","NetIO":"2kB / 500B","PIDs":"4"}
                """, print(new StatsFormat("json", true), e));
        assertEquals("NAME         MEM %\ndemo-web-1   20.00%\n", print(new StatsFormat("table {{.Name}}\\t{{.MemPerc}}", true), e));
        assertEquals(ID + " 4\n", print(new StatsFormat("{{.ID}} {{.PIDs}}", false), e));
    }

    @Test
    void binarySizesAsGoUnitsBytesSize() {
        assertEquals("0B", Humanize.bytesSize(0));
        assertEquals("48MiB", Humanize.bytesSize(48L << 20));
        assertEquals("1.195MiB", Humanize.bytesSize(1_253_000));
        assertEquals("1000KiB", Humanize.bytesSize(1_024_000));
        assertEquals("15.56GiB", Humanize.bytesSize(16_705_617_920L));
    }

    private static String print(StatsFormat f, StatsEntry e) {
        StringWriter s = new StringWriter();
        try (PrintWriter w = new PrintWriter(s)) {
            f.print(w, List.of(e));
        }
        return s.toString();
    }
}
