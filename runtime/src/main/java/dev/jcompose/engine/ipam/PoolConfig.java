package dev.jcompose.engine.ipam;

import java.util.Map;

/**
 * One entry of a network's {@code ipam.config}: {@code subnet} (null: pick from the default
 * pools), {@code ipRange} (where container addresses come from; null: the whole subnet),
 * {@code gateway} (null: the first usable address) and {@code auxAddresses} (name → address,
 * reserved, never given to a container).
 */
public record PoolConfig(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    public PoolConfig {
        auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
    }

    /** A pool taken from the default IPv4 pools. */
    public static PoolConfig automatic() {
        return new PoolConfig(null, null, null, Map.of());
    }

    public static PoolConfig of(String subnet) {
        return new PoolConfig(subnet, null, null, Map.of());
    }
}
