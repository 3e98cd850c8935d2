package dev.jcompose.engine.cgroup;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A block device named by its numbers, as cgroup files want it ({@code 8:0}). The engine resolves
 * compose's paths ({@code /dev/sda}) to numbers with stat(2).
 */
public record BlockDevice(long major, long minor) {
    private static final Comparator<BlockDevice> ORDER =
            Comparator.comparingLong(BlockDevice::major).thenComparingLong(BlockDevice::minor);

    public BlockDevice {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("invalid block device " + major + ":" + minor);
        }
    }

    /** The entries of a per-device map ordered by device numbers, so files are written in a stable order. */
    static <V> List<Map.Entry<BlockDevice, V>> inOrder(Map<BlockDevice, V> byDevice) {
        return byDevice.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).toList();
    }

    @Override
    public String toString() {
        return major + ":" + minor;
    }
}
