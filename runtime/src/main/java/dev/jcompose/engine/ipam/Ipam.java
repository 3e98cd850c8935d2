package dev.jcompose.engine.ipam;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Address management for the engine's networks, Docker-like: subnets from {@code ipam.config} or
 * from the default pools (skipping subnets routed on the host and those of other networks),
 * container addresses from each pool's ip_range, static addresses, sticky addresses per identity
 * key, and a state file per network so everything survives an engine restart (an allocation or a
 * release appends one line to the network's journal: {@link IpamStore}). Thread-safe (one lock per
 * instance).
 */
public final class Ipam {
    /** How many candidate addresses one allocation looks at before giving up (bounds huge IPv6 ranges). */
    private static final int SCAN_LIMIT = 1 << 20;

    private final IpamStore store;
    private final HostRoutes hostRoutes;
    private final List<DefaultPools.Pool> defaults;
    private final Map<String, NetworkState> networks = new LinkedHashMap<>();

    public Ipam(Path stateDir, HostRoutes hostRoutes) {
        this(stateDir, hostRoutes, DefaultPools.DOCKER);
    }

    public Ipam(Path stateDir, HostRoutes hostRoutes, List<DefaultPools.Pool> defaults) {
        this.store = new IpamStore(stateDir);
        this.hostRoutes = hostRoutes;
        this.defaults = List.copyOf(defaults);
        for (NetworkState n : store.loadAll()) {
            networks.put(n.name(), n);
        }
    }

    /**
     * Reserves the pools of a new network; an empty {@code configs} means one IPv4 subnet from the
     * default pools. Creating a network that already exists returns its state unchanged.
     */
    public synchronized NetworkState createNetwork(String name, String id, List<PoolConfig> configs) {
        NetworkState existing = networks.get(name);
        if (existing != null) {
            return existing;
        }
        List<PoolConfig> wanted = configs.isEmpty() ? List.of(PoolConfig.automatic()) : configs;
        List<Subnet> taken = new ArrayList<>();
        networks.values().forEach(n -> n.pools().forEach(p -> taken.add(p.cidr())));
        List<PoolState> pools = new ArrayList<>();
        for (PoolConfig c : wanted) {
            Subnet subnet = c.subnet() == null ? pickDefault(taken) : checkedSubnet(c.subnet(), taken);
            taken.add(subnet);
            pools.add(pool(subnet, c));
        }
        pools.sort((a, b) -> Boolean.compare(a.ipv6(), b.ipv6()));
        NetworkState state = new NetworkState(name, id, pools);
        store.save(state);
        networks.put(name, state);
        return state;
    }

    private Subnet checkedSubnet(String cidr, List<Subnet> taken) {
        Subnet s = new Subnet(cidr);
        for (Subnet t : taken) {
            if (t.overlaps(s)) {
                throw new IpamException("invalid pool request: Pool overlaps with other one on this address space ("
                        + s + " overlaps " + t + ")");
            }
        }
        return s;
    }

    private Subnet pickDefault(List<Subnet> taken) {
        List<Subnet> routed = hostRoutes.routes();
        for (Subnet candidate : DefaultPools.candidates(defaults)) {
            boolean free = taken.stream().noneMatch(candidate::overlaps) && routed.stream().noneMatch(candidate::overlaps);
            if (free) {
                return candidate;
            }
        }
        throw new IpamException("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    }

    private static PoolState pool(Subnet subnet, PoolConfig c) {
        new IpRange(subnet, c.ipRange() == null ? null : new Subnet(c.ipRange()));
        String gateway = c.gateway();
        if (gateway == null) {
            gateway = subnet.address(BigInteger.ONE);
        } else if (!subnet.contains(gateway)) {
            throw new IpamException("invalid gateway " + gateway + ": not inside subnet " + subnet);
        }
        for (var aux : c.auxAddresses().entrySet()) {
            if (!subnet.contains(aux.getValue())) {
                throw new IpamException("invalid aux_address " + aux.getKey() + "=" + aux.getValue() + ": not inside subnet " + subnet);
            }
        }
        return new PoolState(subnet.cidr(), c.ipRange(), gateway, c.auxAddresses(), Map.of(), Map.of());
    }

    public synchronized Optional<NetworkState> network(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    public synchronized List<NetworkState> networks() {
        return List.copyOf(networks.values());
    }

    /** Forgets a network and its state file (its subnets become free for new networks). */
    public synchronized void removeNetwork(String name) {
        networks.remove(name);
        store.delete(name);
    }

    /**
     * Gives the container known by {@code key} (e.g. {@code project/service/1}) an address in each
     * of the network's pools: {@code staticV4}/{@code staticV6} when asked for (refused when taken
     * or outside the subnet), else its previous address when free, else the next free one. Asking
     * again for a key that holds an address returns that address.
     */
    public synchronized Assignment allocate(String network, String key, String staticV4, String staticV6) {
        NetworkState state = networks.get(network);
        if (state == null) {
            throw new IpamException("could not allocate an address on network " + network + ": no such network");
        }
        String[] got = new String[2];
        List<IpamChange> changes = new ArrayList<>();
        for (int i = 0; i < state.pools().size(); i++) {
            PoolState p = state.pools().get(i);
            int family = p.ipv6() ? 1 : 0;
            if (got[family] != null) {
                continue;
            }
            String wanted = p.ipv6() ? staticV6 : staticV4;
            String address = wanted != null ? staticAddress(state, p, key, wanted) : dynamicAddress(state, p, key);
            IpamChange change = IpamChange.assign(i, address, key);
            state = change.applyTo(state);
            changes.add(change);
            got[family] = address;
        }
        if (staticV4 != null && got[0] == null || staticV6 != null && got[1] == null) {
            String asked = got[0] == null && staticV4 != null ? staticV4 : staticV6;
            throw new IpamException("invalid address " + asked + ": it does not belong to any of network " + network + "'s subnets");
        }
        store.record(state, changes);
        networks.put(network, state);
        PoolState v4 = state.pool(false);
        PoolState v6 = state.pool(true);
        return new Assignment(got[0], v4 == null ? 0 : v4.cidr().prefix(), v4 == null ? null : v4.gateway(),
                got[1], v6 == null ? 0 : v6.cidr().prefix(), v6 == null ? null : v6.gateway());
    }

    private static String staticAddress(NetworkState state, PoolState p, String key, String wanted) {
        String canonical = canonical(p.cidr(), wanted);
        if (!p.cidr().contains(wanted)) {
            throw new IpamException("invalid address " + wanted + ": it does not belong to any of network " + state.name() + "'s subnets");
        }
        String holder = p.assigned().get(canonical);
        if (holder != null && !holder.equals(key) || reserved(p).contains(canonical)) {
            throw new IpamException("could not assign address " + wanted + " on network " + state.name() + ": Address already in use");
        }
        return canonical;
    }

    private static String dynamicAddress(NetworkState state, PoolState p, String key) {
        String held = p.addressOf(key);
        if (held != null) {
            return held;
        }
        Set<String> reserved = reserved(p);
        String previous = p.sticky().get(key);
        if (previous != null && !p.assigned().containsKey(previous) && !reserved.contains(previous) && p.range().contains(previous)) {
            return previous;
        }
        Set<String> keptForOthers = new HashSet<>(p.sticky().values());
        for (boolean avoidSticky : new boolean[] {true, false}) {
            String free = firstFree(p, reserved, avoidSticky ? keptForOthers : Set.of());
            if (free != null) {
                return free;
            }
        }
        throw new IpamException("no available " + (p.ipv6() ? "IPv6" : "IPv4") + " addresses on this network's address pools: "
                + state.name() + " (" + state.id() + ")");
    }

    private static String firstFree(PoolState p, Set<String> reserved, Set<String> avoid) {
        IpRange range = p.range();
        int limit = range.size().min(BigInteger.valueOf(SCAN_LIMIT)).intValueExact();
        BigInteger first = range.range().base();
        boolean v6 = range.range().ipv6();
        for (int i = 0; i < limit; i++) {
            String a = Subnet.format(first.add(BigInteger.valueOf(i)), v6);
            if (!reserved.contains(a) && !p.assigned().containsKey(a) && !avoid.contains(a)) {
                return a;
            }
        }
        return null;
    }

    /** Network address, IPv4 broadcast, gateway and aux addresses: never a container's. */
    private static Set<String> reserved(PoolState p) {
        Subnet s = p.cidr();
        Set<String> r = new HashSet<>();
        r.add(s.address(BigInteger.ZERO));
        if (!s.ipv6() && s.prefix() < 31) {
            r.add(s.address(s.size().subtract(BigInteger.ONE)));
        }
        r.add(canonical(s, p.gateway()));
        p.auxAddresses().values().forEach(a -> r.add(canonical(s, a)));
        return r;
    }

    private static String canonical(Subnet s, String address) {
        return Subnet.format(Subnet.toNumber(address), address.contains(":"));
    }

    /** Frees whatever key holds {@code address} on {@code network} (a container renamed while running holds it under its old name). */
    public synchronized void releaseAddress(String network, String address) {
        NetworkState state = networks.get(network);
        if (state == null) {
            return;
        }
        for (PoolState p : state.pools()) {
            if (p.cidr().contains(address)) {
                String holder = p.assigned().get(canonical(p.cidr(), address));
                if (holder != null) {
                    release(network, holder);
                }
                return;
            }
        }
    }

    /** Frees the addresses {@code key} holds on {@code network}; they stay remembered as its sticky addresses. */
    public synchronized void release(String network, String key) {
        NetworkState state = networks.get(network);
        if (state == null) {
            return;
        }
        IpamChange change = IpamChange.release(key);
        state = change.applyTo(state);
        store.record(state, List.of(change));
        networks.put(network, state);
    }
}
