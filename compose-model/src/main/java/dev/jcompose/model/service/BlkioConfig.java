package dev.jcompose.model.service;

import java.util.List;

/** {@code blkio_config}: a weight (null when not set), per-device weights and throttles (bytes/s or IO/s). */
public record BlkioConfig(Integer weight, List<WeightDevice> weightDevice, List<Throttle> deviceReadBps, List<Throttle> deviceWriteBps,
                          List<Throttle> deviceReadIops, List<Throttle> deviceWriteIops) {
    public BlkioConfig {
        weightDevice = List.copyOf(weightDevice);
        deviceReadBps = List.copyOf(deviceReadBps);
        deviceWriteBps = List.copyOf(deviceWriteBps);
        deviceReadIops = List.copyOf(deviceReadIops);
        deviceWriteIops = List.copyOf(deviceWriteIops);
    }

    public record WeightDevice(String path, int weight) {
    }

    public record Throttle(String path, long rate) {
    }
}
