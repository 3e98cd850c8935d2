package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResourceConversionsTest {

    @ParameterizedTest(name = "cpu.shares {0} -> cpu.weight {1}")
    @CsvSource({"0,0", "2,1", "1024,39", "512,20", "262144,10000"})
    void sharesToWeightFollowsRunc(long shares, long weight) {
        assertEquals(weight, ResourceConversions.sharesToWeight(shares));
    }

    @ParameterizedTest(name = "blkio.weight {0} -> io.weight {1}")
    @CsvSource({"0,0", "10,1", "500,4950", "1000,10000"})
    void blkioWeightToIoWeightSpansTheRange(long blkio, long io) {
        assertEquals(io, ResourceConversions.blkioWeightToIoWeight(blkio));
    }

    @ParameterizedTest(name = "cpus {0}e-9 over {1} us -> quota {2}")
    @CsvSource({"1500000000,100000,150000", "500000000,100000,50000", "10000000,100000,1000", "2000000000,50000,100000"})
    void nanoCpusToQuota(long nano, long period, long quota) {
        assertEquals(quota, ResourceConversions.nanoCpusToQuota(nano, period));
    }

    @ParameterizedTest(name = "memswap {0}, memory {1} -> swap.max {2}")
    @CsvSource({"0,-1,-1", "-1,1000,-1", "0,1000,0", "3000,1000,2000", "1000,1000,0"})
    void swapToV2(long memswap, long memory, long swap) {
        assertEquals(swap, ResourceConversions.swapToV2(memswap, memory));
    }

    @Test
    void swapBelowMemoryOrWithoutMemoryIsRefused() {
        assertEquals("memory+swap limit 500 is below the memory limit 1000",
                assertThrows(IllegalArgumentException.class, () -> ResourceConversions.swapToV2(500, 1000)).getMessage());
        assertEquals("a memory+swap limit needs a memory limit",
                assertThrows(IllegalArgumentException.class, () -> ResourceConversions.swapToV2(500, 0)).getMessage());
    }

    @Test
    void cpuMaxLine() {
        assertEquals("max 100000", ResourceConversions.cpuMax(null, null));
        assertEquals("max 20000", ResourceConversions.cpuMax(-1L, 20_000L));
        assertEquals("30000 100000", ResourceConversions.cpuMax(30_000L, null));
    }

    @Test
    void v2Limits() {
        assertEquals("max", ResourceConversions.v2Limit(-1));
        assertEquals("42", ResourceConversions.v2Limit(42));
        assertEquals(Long.MAX_VALUE, ResourceConversions.parseV2Limit("max"));
        assertEquals(42, ResourceConversions.parseV2Limit("42"));
    }
}
