package dev.jcompose.engine.network;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * a subnet for each bridge network (the one asked for, else the next free /16 from 172.18.0.0,
 * as Docker's default pools), written atomically. The kernel side (bridges, veths, NAT) and the
 * IPAM with address allocation live in their own packages.
 */
public final class NetworkStore {
    private final Path root;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, NetworkRecord> byId = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();

    public NetworkStore(Path root, Clock clock) throws IOException {
        this.root = root;
        this.clock = clock;
        Files.createDirectories(root);
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                NetworkRecord n = json.readValue(f.toFile(), NetworkRecord.class);
                byId.put(n.id(), n);
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
        List<NetworkRecord.Pool> config = pools == null || pools.isEmpty() ? List.of(nextPool())
                : pools.stream().map(NetworkStore::withGateway).toList();
        byte[] idBytes = new byte[32];
        random.nextBytes(idBytes);
        NetworkRecord n = new NetworkRecord(name, HexFormat.of().formatHex(idBytes), clock.instant().toString(), "local", drv, ipv6,
                new NetworkRecord.Ipam("default", Map.of(), config), internal, attachable, false, options, labels);
        write(n);
        byId.put(n.id(), n);
        return n;
    }

    /** A pool as asked for, with Docker's default gateway (the subnet's first address) when none is given. */
    private static NetworkRecord.Pool withGateway(NetworkRecord.Pool p) {
        if (p.subnet() == null || !p.subnet().contains("/")) {
            throw new NetworkException(400, "invalid subnet " + p.subnet() + ": expected an IPv4 CIDR such as 10.5.0.0/16");
        }
        if (p.gateway() != null && !p.gateway().isEmpty()) {
            if (!Addresses.contains(p.subnet(), p.gateway())) {
                throw new NetworkException(400, "invalid gateway " + p.gateway() + ": it is not in the subnet " + p.subnet());
            }
            return p;
        }
        String base = p.subnet().substring(0, p.subnet().indexOf('/'));
        return new NetworkRecord.Pool(p.subnet(), p.ipRange(), Addresses.toString(Addresses.toLong(base) + 1), p.auxAddresses());
    }

    /** The next 172.x.0.0/16 (x from 18) that no network of ours uses. */
    private NetworkRecord.Pool nextPool() {
        for (int x = 18; x <= 31; x++) {
            String subnet = "172." + x + ".0.0/16";
            boolean used = byId.values().stream().anyMatch(n -> n.ipam().config().stream().anyMatch(p -> subnet.equals(p.subnet())));
            if (!used) {
                return new NetworkRecord.Pool(subnet, null, "172." + x + ".0.1", null);
            }
        }
        for (int y = 0; y < 256; y += 16) {
            String subnet = "192.168." + y + ".0/20";
            boolean used = byId.values().stream().anyMatch(n -> n.ipam().config().stream().anyMatch(p -> subnet.equals(p.subnet())));
            if (!used) {
                return new NetworkRecord.Pool(subnet, null, "192.168." + y + ".1", null);
            }
        }
        throw new NetworkException(500, "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
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
