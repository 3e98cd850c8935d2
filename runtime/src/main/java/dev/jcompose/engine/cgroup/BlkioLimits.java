package dev.jcompose.engine.cgroup;

import java.util.List;
import java.util.Map;

/**
 * Block I/O limits ({@code blkio_config}). A null weight leaves it as it is; empty maps set nothing.
 *
 * @param weight        relative weight 10..1000 ({@code blkio_config.weight})
 * @param weightDevices per-device weights 10..1000 ({@code weight_device})
 * @param readBps       bytes per second ({@code device_read_bps})
 * @param writeBps      bytes per second ({@code device_write_bps})
 * @param readIops      operations per second ({@code device_read_iops})
 * @param writeIops     operations per second ({@code device_write_iops})
 */
public record BlkioLimits(Integer weight, Map<BlockDevice, Integer> weightDevices, Map<BlockDevice, Long> readBps,
                          Map<BlockDevice, Long> writeBps, Map<BlockDevice, Long> readIops,
                          Map<BlockDevice, Long> writeIops) {
    public static final BlkioLimits NONE = new BlkioLimits(null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public BlkioLimits {
        if (weight != null && weight != 0 && (weight < 10 || weight > 1000)) {
            throw new IllegalArgumentException("invalid blkio weight " + weight + ": must be 10..1000");
        }
        weightDevices = Map.copyOf(weightDevices);
        weightDevices.forEach((d, w) -> {
            if (w < 10 || w > 1000) {
                throw new IllegalArgumentException("invalid blkio weight " + w + " for device " + d + ": must be 10..1000");
            }
        });
        readBps = checked("read bps", readBps);
        writeBps = checked("write bps", writeBps);
        readIops = checked("read iops", readIops);
        writeIops = checked("write iops", writeIops);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The throttles by kind, in a fixed order, for writing: v1 file suffix → limits. */
    List<Map.Entry<String, Map<BlockDevice, Long>>> throttles() {
        return List.of(Map.entry("read_bps", readBps), Map.entry("write_bps", writeBps),
                Map.entry("read_iops", readIops), Map.entry("write_iops", writeIops));
    }

    private static Map<BlockDevice, Long> checked(String what, Map<BlockDevice, Long> rates) {
        rates.forEach((d, r) -> {
            if (r < 0) {
                throw new IllegalArgumentException("invalid " + what + " " + r + " for device " + d + ": must not be negative");
            }
        });
        return Map.copyOf(rates);
    }
}
