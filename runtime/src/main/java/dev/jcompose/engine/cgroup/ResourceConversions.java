package dev.jcompose.engine.cgroup;

/**
 * The arithmetic between Docker's (cgroup v1) units and cgroup v2 files, as runc does it, so a
 * setting means the same on either kind of host.
 */
public final class ResourceConversions {
    /** The CFS period Docker uses for {@code cpus}: 100 ms. */
    public static final long DEFAULT_CPU_PERIOD_US = 100_000;

    private ResourceConversions() {
    }

    /**
     * {@code cpu.shares} (2..262144, default 1024) to {@code cpu.weight} (1..10000, default 100):
     * {@code 1 + ((shares - 2) * 9999) / 262142}; 0 stays 0 (unset).
     */
    public static long sharesToWeight(long shares) {
        if (shares == 0) {
            return 0;
        }
        return 1 + ((shares - 2) * 9999) / 262_142;
    }

    /** {@code blkio.weight} (10..1000) to {@code io.weight} (1..10000): {@code 1 + (weight - 10) * 9999 / 990}. */
    public static long blkioWeightToIoWeight(long weight) {
        if (weight == 0) {
            return 0;
        }
        return 1 + (weight - 10) * 9999 / 990;
    }

    /** {@code cpus} in billionths of a CPU to a CFS quota over {@code periodUs}. */
    public static long nanoCpusToQuota(long nanoCpus, long periodUs) {
        return nanoCpus * periodUs / 1_000_000_000L;
    }

    /**
     * Docker's memory+swap total to v2's {@code memory.swap.max} (swap alone).
     *
     * @return the swap bytes, -1 for "max", or 0 meaning "leave as it is"
     * @throws IllegalArgumentException when swap is limited without a memory limit, or below it
     */
    public static long swapToV2(long memorySwap, long memory) {
        if (memory == -1 && memorySwap == 0) {
            return -1; // unlimited memory and swap not given: both unlimited, as on v1
        }
        if (memorySwap == -1 || memorySwap == 0) {
            return memorySwap;
        }
        if (memory <= 0) {
            throw new IllegalArgumentException("a memory+swap limit needs a memory limit");
        }
        if (memorySwap < memory) {
            throw new IllegalArgumentException("memory+swap limit " + memorySwap + " is below the memory limit " + memory);
        }
        return memorySwap - memory;
    }

    /** The v2 {@code cpu.max} line: {@code "50000 100000"}, or {@code "max 100000"} without a quota. */
    public static String cpuMax(Long quota, Long period) {
        long p = period == null || period <= 0 ? DEFAULT_CPU_PERIOD_US : period;
        String q = quota == null || quota <= 0 ? "max" : Long.toString(quota);
        return q + " " + p;
    }

    /** A byte limit as v2 writes it: {@code max} for -1. */
    public static String v2Limit(long value) {
        return value < 0 ? "max" : Long.toString(value);
    }

    /** A v2 limit file's content ({@code max} or a number) as a number; {@code max} is {@link Long#MAX_VALUE}. */
    public static long parseV2Limit(String text) {
        return text.equals("max") ? Long.MAX_VALUE : Long.parseLong(text);
    }

    /**
     * A v1 limit file's content as a number; the kernel's "no limit" (a page-rounded {@code LLONG_MAX}, or
     * -1 for pids) is {@link Long#MAX_VALUE}.
     */
    public static long parseV1Limit(String text) {
        if (text.equals("max") || text.equals("-1")) {
            return Long.MAX_VALUE;
        }
        long v = Long.parseLong(text);
        return v >= (Long.MAX_VALUE & ~0xFFFFL) ? Long.MAX_VALUE : v;
    }
}
