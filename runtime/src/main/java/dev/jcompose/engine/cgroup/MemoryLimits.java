package dev.jcompose.engine.cgroup;

/**
 * Memory limits, in Docker's terms. A null field leaves the setting as it is.
 *
 * @param limit          hard limit in bytes ({@code mem_limit}); -1 for unlimited
 * @param reservation    soft limit in bytes ({@code mem_reservation}); v1 soft limit, v2 {@code memory.low}
 * @param swap           memory plus swap in bytes ({@code memswap_limit}, Docker's MemorySwap); -1 for unlimited swap
 * @param swappiness     0..100 ({@code mem_swappiness}); v1 only
 * @param oomKillDisable {@code oom_kill_disable}; v1 only
 */
public record MemoryLimits(Long limit, Long reservation, Long swap, Integer swappiness, boolean oomKillDisable) {
    public static final MemoryLimits NONE = new MemoryLimits(null, null, null, null, false);

    public MemoryLimits {
        checkBytes("memory limit", limit);
        checkBytes("memory reservation", reservation);
        checkBytes("memory+swap limit", swap);
        if (swappiness != null && (swappiness < 0 || swappiness > 100)) {
            throw new IllegalArgumentException("invalid memory swappiness " + swappiness + ": must be 0..100");
        }
        if (swap != null && swap > 0 && limit != null && limit > 0 && swap < limit) {
            throw new IllegalArgumentException("invalid memory+swap limit " + swap + ": must not be below the memory limit " + limit);
        }
    }

    /** Only a hard limit. */
    public static MemoryLimits limit(long bytes) {
        return new MemoryLimits(bytes, null, null, null, false);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private static void checkBytes(String what, Long v) {
        if (v != null && v < -1) {
            throw new IllegalArgumentException("invalid " + what + " " + v + ": must be -1 (unlimited) or a byte count");
        }
    }
}
