package dev.jcompose.engine.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The numbers of the block device at {@code path} (compose's {@code blkio_config} names devices by path).
     *
     * @throws CgroupException when the path cannot be read or is not a block device
     */
    public static BlockDevice of(Path path) throws CgroupException {
        int mode;
        long rdev;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
            rdev = (Long) Files.getAttribute(path, "unix:rdev");
        } catch (IOException e) {
            throw new CgroupException("resolving block device " + path + ": " + CgroupFs.reason(e), e);
        }
        if ((mode & 0170000) != 0060000) {
            throw new CgroupException("resolving block device " + path + ": not a block device");
        }
        // glibc's dev_t encoding: 12 bits of major and 20 of minor, split across the word
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        return new BlockDevice(major, minor);
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
