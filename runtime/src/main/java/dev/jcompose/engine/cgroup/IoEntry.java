package dev.jcompose.engine.cgroup;

/**
 * One per-device block I/O counter, as Docker's {@code blkio_stats} lists them ({@code BlkioStatEntry}).
 *
 * @param major device major number
 * @param minor device minor number
 * @param op    the operation: v1's own words ({@code Read}, {@code Write}, {@code Sync}, {@code Async},
 *              {@code Discard}, {@code Total}); on v2 {@code read} and {@code write}, as Docker names them
 * @param value bytes, or operations for the {@code io_serviced} counters
 */
public record IoEntry(long major, long minor, String op, long value) {
    /** Whether this entry counts reads (Docker's CLI looks at the first letter of {@code op}). */
    public boolean isRead() {
        return !op.isEmpty() && Character.toLowerCase(op.charAt(0)) == 'r';
    }

    /** Whether this entry counts writes. */
    public boolean isWrite() {
        return !op.isEmpty() && Character.toLowerCase(op.charAt(0)) == 'w';
    }
}
