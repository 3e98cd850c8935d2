package dev.jcompose.engine.ipam;

import java.util.HashMap;
import java.util.Map;

/**
 * One of a network's subnets with what is taken in it: {@code assigned} maps an address to the
 * identity key of the container holding it; {@code sticky} remembers the last address of every key
 * ever seen, so a recreated container gets its address back while it is free.
 */
public record PoolState(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses,
        Map<String, String> assigned, Map<String, String> sticky) {
    public PoolState {
        auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
        assigned = assigned == null ? Map.of() : Map.copyOf(assigned);
        sticky = sticky == null ? Map.of() : Map.copyOf(sticky);
    }

    public Subnet cidr() {
        return new Subnet(subnet);
    }

    /** Where container addresses come from: the ip_range, else the whole subnet. */
    public IpRange range() {
        return IpRange.of(subnet, ipRange);
    }

    public boolean ipv6() {
        return cidr().ipv6();
    }

    /** The address held by {@code key}, or null. */
    public String addressOf(String key) {
        for (var e : assigned.entrySet()) {
            if (e.getValue().equals(key)) {
                return e.getKey();
            }
        }
        return null;
    }

    PoolState withAssigned(String address, String key) {
        Map<String, String> a = new HashMap<>(assigned);
        a.put(address, key);
        Map<String, String> s = new HashMap<>(sticky);
        s.put(key, address);
        return new PoolState(subnet, ipRange, gateway, auxAddresses, a, s);
    }

    PoolState withReleased(String key) {
        Map<String, String> a = new HashMap<>(assigned);
        a.values().removeIf(key::equals);
        return new PoolState(subnet, ipRange, gateway, auxAddresses, a, sticky);
    }
}
