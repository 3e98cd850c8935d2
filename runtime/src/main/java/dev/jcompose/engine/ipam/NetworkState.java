package dev.jcompose.engine.ipam;

import java.util.ArrayList;
import java.util.List;

/** A network's address pools (IPv4 first, then IPv6), as persisted in its state file. */
public record NetworkState(String name, String id, List<PoolState> pools) {
    public NetworkState {
        pools = List.copyOf(pools);
    }

    /** The first pool of the family, or null. */
    public PoolState pool(boolean ipv6) {
        return pools.stream().filter(p -> p.ipv6() == ipv6).findFirst().orElse(null);
    }

    NetworkState with(int index, PoolState pool) {
        List<PoolState> p = new ArrayList<>(pools);
        p.set(index, pool);
        return new NetworkState(name, id, p);
    }
}
