package dev.jcompose.engine.network;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.ipam.Assignment;
import dev.jcompose.engine.ipam.DefaultPools;
import dev.jcompose.engine.ipam.HostRoutes;
import dev.jcompose.engine.ipam.Ipam;
import dev.jcompose.engine.ipam.IpamException;
import dev.jcompose.engine.ipam.NetworkState;
import dev.jcompose.engine.ipam.PoolConfig;
import dev.jcompose.engine.ipam.ProcHostRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The engine's networks as records: unique names, IDs resolved by full ID, name or unique prefix,
 * written atomically; subnets and container addresses come from {@link Ipam} (Docker's default
 * pools from 172.18.0.0/16 on, skipping subnets the host routes; {@code ipam.config}; sticky
 * addresses), whose state lives in {@code <root>/ipam/}. The kernel side (bridges, veths, NAT)
 * lives in {@link BridgeDriver} and {@code engine.net}.
 */
public final class NetworkStore {
    private final Path root;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, NetworkRecord> byId = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Ipam ipam;

    /** Docker's default pools without 172.17.0.0/16, which belongs to the default {@code bridge} network. */
    private static final List<DefaultPools.Pool> USER_POOLS = DefaultPools.DOCKER.subList(1, DefaultPools.DOCKER.size());

    public NetworkStore(Path root, Clock clock) throws IOException {
        this(root, clock, new ProcHostRoutes());
    }

    /** @param hostRoutes the subnets the host routes already (default pools skip them) */
    public NetworkStore(Path root, Clock clock, HostRoutes hostRoutes) throws IOException {
        this.root = root;
        this.clock = clock;
        Files.createDirectories(root);
        this.ipam = new Ipam(root.resolve("ipam"), hostRoutes, USER_POOLS);
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                NetworkRecord n = json.readValue(f.toFile(), NetworkRecord.class);
                byId.put(n.id(), n);
                if (ipam.network(n.name()).isEmpty()) {
                    // a network from before the IPAM kept state: its subnets as configured, no addresses held
                    ipam.createNetwork(n.name(), n.id(), n.ipam().config().stream().map(NetworkStore::poolConfig).toList());
                }
            }
        }
    }

    public synchronized NetworkRecord create(String name, String driver, boolean internal, boolean attachable, boolean ipv6,
                                             List<NetworkRecord.Pool> pools, Map<String, String> options, Map<String, String> labels) {
        if (name == null || name.isBlank()) {
            throw new NetworkException(400, "network name must not be empty");
        }
        if (byId.values().stream().anyMatch(n -> n.name().equals(name))) {
            throw new NetworkException(409, "network with name " + name + " already exists");
        }
        String drv = driver == null || driver.isEmpty() ? "bridge" : driver;
        if (!drv.equals("bridge")) {
            throw new NetworkException(400, "could not find plugin " + drv + " in v1 plugin registry: plugin not found");
        }
        byte[] idBytes = new byte[32];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        NetworkState state;
        try {
            state = ipam.createNetwork(name, id, pools == null ? List.of() : pools.stream().map(NetworkStore::poolConfig).toList());
        } catch (IpamException e) {
            throw IpamErrors.toNetwork(e);
        }
        NetworkRecord n = new NetworkRecord(name, id, clock.instant().toString(), "local", drv, ipv6,
                new NetworkRecord.Ipam("default", Map.of(), recordPools(state)), internal, attachable, false, options, labels);
        try {
            write(n);
        } catch (RuntimeException e) {
            ipam.removeNetwork(name);
            throw e;
        }
        byId.put(n.id(), n);
        return n;
    }

    private static PoolConfig poolConfig(NetworkRecord.Pool p) {
        return new PoolConfig(blankToNull(p.subnet()), blankToNull(p.ipRange()), blankToNull(p.gateway()), p.auxAddresses());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The pools as Docker's inspect shows them: IPv4 first, ip_range and aux addresses only when given. */
    private static List<NetworkRecord.Pool> recordPools(NetworkState state) {
        return state.pools().stream().map(p -> new NetworkRecord.Pool(p.subnet(), p.ipRange(), p.gateway(),
                p.auxAddresses().isEmpty() ? null : p.auxAddresses())).toList();
    }

    /**
     * Gives the container known by {@code key} (its name: docker compose recreates under the same
     * name) an address on {@code n}: {@code staticV4} when asked for, else its previous one while
     * free, else the next free one.
     */
    public Assignment allocate(NetworkRecord n, String key, String staticV4) {
        return allocate(n, key, staticV4, null);
    }

    /** As {@link #allocate(NetworkRecord, String, String)}, with a static IPv6 address too (on a network with an IPv6 pool). */
    public Assignment allocate(NetworkRecord n, String key, String staticV4, String staticV6) {
        try {
            return ipam.allocate(n.name(), key, blankToNull(staticV4), blankToNull(staticV6));
        } catch (IpamException e) {
            throw IpamErrors.toNetwork(e);
        }
    }

    /** Frees {@code address} on {@code n}, whoever holds it. */
    public void releaseAddress(NetworkRecord n, String address) {
        ipam.releaseAddress(n.name(), address);
    }

    /** Frees what {@code key} holds on {@code n} (remembered, so the same key gets it back while it is free). */
    public void release(NetworkRecord n, String key) {
        ipam.release(n.name(), key);
    }

    public synchronized NetworkRecord find(String idOrName) {
        NetworkRecord exact = byId.get(idOrName);
        if (exact != null) {
            return exact;
        }
        Optional<NetworkRecord> byName = byId.values().stream().filter(n -> n.name().equals(idOrName)).findFirst();
        if (byName.isPresent()) {
            return byName.get();
        }
        List<NetworkRecord> prefixed = byId.values().stream().filter(n -> n.id().startsWith(idOrName)).toList();
        if (prefixed.size() == 1 && !idOrName.isEmpty()) {
            return prefixed.get(0);
        }
        throw new NetworkException(404, "network " + idOrName + " not found");
    }

    public synchronized List<NetworkRecord> list() {
        return new ArrayList<>(byId.values());
    }

    public synchronized void remove(String idOrName, List<String> usedBy) {
        NetworkRecord n = find(idOrName);
        if (!usedBy.isEmpty()) {
            throw new NetworkException(409, "error while removing network: network " + n.name() + " id " + n.id() + " has active endpoints");
        }
        try {
            Files.deleteIfExists(root.resolve(n.id() + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("removing network " + n.name() + ": " + e.getMessage(), e);
        }
        byId.remove(n.id());
        ipam.removeNetwork(n.name());
    }

    private void write(NetworkRecord n) {
        try {
            Path tmp = root.resolve(n.id() + ".json.tmp");
            json.writeValue(tmp.toFile(), n);
            Files.move(tmp, root.resolve(n.id() + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing network " + n.name() + ": " + e.getMessage(), e);
        }
    }
}
