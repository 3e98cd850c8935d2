package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerStore;
import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.network.Addresses;
import dev.jcompose.engine.network.BridgeDriver;
import dev.jcompose.engine.network.NetworkException;
import dev.jcompose.engine.network.NetworkRecord;
import dev.jcompose.engine.network.NetworkStore;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connects a starting container to its networks, between the shim's "pid" and "go": for each
 * network (the network mode's first), the bridge exists, an address is chosen (the one asked for,
 * or the next free one), a veth joins the container's netns as eth0, eth1 …, and the endpoint
 * (address, gateway, network ID, DNS names) is recorded. The default {@code bridge} network is
 * created on first use, as Docker always has one.
 */
final class NetworkAttachments {
    private final NetworkStore networks;
    private final BridgeDriver driver;
    private final ContainerStore containers;
    private final SecureRandom random = new SecureRandom();
    private final NetworkRules rules;

    private final java.util.function.Consumer<NetworkRecord> onBridge;

    NetworkAttachments(NetworkStore networks, BridgeDriver driver, ContainerStore containers, NetworkRules rules,
                       java.util.function.Consumer<NetworkRecord> onBridge) {
        this.onBridge = onBridge;
        this.networks = networks;
        this.driver = driver;
        this.containers = containers;
        this.rules = rules;
    }

    /** The container's endpoints after connecting it; empty for host/none/container: modes. */
    synchronized Map<String, EndpointSettings> connect(ContainerRecord r, long pid) throws IOException {
        String mode = r.hostConfig().effectiveNetworkMode();
        if (mode.equals("host") || mode.equals("none") || mode.startsWith("container:")) {
            return Map.of();
        }
        Map<String, EndpointSettings> requested = new LinkedHashMap<>();
        requested.put(mode, r.networkSettings().networks().getOrDefault(mode, null));
        // the docker CLI names Docker's default network "default"; it is the "bridge" network
        r.networkSettings().networks().forEach((k, v) -> requested.putIfAbsent(k.equals("default") ? "bridge" : k, v));
        Map<String, EndpointSettings> out = new LinkedHashMap<>();
        int index = 0;
        for (var e : requested.entrySet()) {
            NetworkRecord n = network(e.getKey());
            NetworkRecord.Pool pool = n.ipam().config().get(0);
            EndpointSettings asked = e.getValue();
            String want = asked != null && asked.ipamConfig() != null ? asked.ipamConfig().ipv4Address() : null;
            Set<String> used = used(n.name(), r.id());
            String ip;
            if (want != null && !want.isEmpty()) {
                if (!Addresses.contains(pool.subnet(), want)) {
                    throw new NetworkException(400, "invalid address " + want + ": it does not belong to the subnet " + pool.subnet()
                            + " of network " + n.name());
                }
                if (used.contains(want)) {
                    throw new NetworkException(409, "Address already in use: " + want + " on network " + n.name());
                }
                ip = want;
            } else {
                ip = Addresses.next(pool.subnet(), pool.gateway(), used);
            }
            driver.ensureBridge(n);
            rules.add(n);
            onBridge.accept(n);
            byte[] b = new byte[4];
            random.nextBytes(b);
            driver.attach(pid, n, "veth" + HexFormat.of().formatHex(b).substring(0, 7), ip, "eth" + index, index == 0);
            int prefix = Integer.parseInt(pool.subnet().substring(pool.subnet().indexOf('/') + 1));
            List<String> dnsNames = new java.util.ArrayList<>(List.of(r.shortName(), r.id().substring(0, 12)));
            if (asked != null) {
                dnsNames.addAll(asked.aliases());
            }
            EndpointSettings base = asked != null ? asked
                    : new EndpointSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            byte[] ep = new byte[32];
            random.nextBytes(ep);
            out.put(n.name(), base.withConnection(n.id(), HexFormat.of().formatHex(ep), pool.gateway(), ip, prefix, dnsNames));
            index++;
        }
        return out;
    }

    private NetworkRecord network(String name) {
        try {
            return networks.find(name);
        } catch (NetworkException e) {
            if (name.equals("bridge")) {
                return networks.create("bridge", "bridge", false, false, false, List.of(new NetworkRecord.Pool("172.17.0.0/16", null,
                        "172.17.0.1", null)), Map.of("com.docker.network.bridge.name", "jcompose0"), Map.of());
            }
            throw new NetworkException(404, "network " + name + " not found");
        }
    }

    private Set<String> used(String network, String self) {
        Set<String> used = new HashSet<>();
        for (ContainerRecord c : containers.list()) {
            if (c.id().equals(self) || !c.state().running() || c.networkSettings() == null) {
                continue;
            }
            EndpointSettings e = c.networkSettings().networks().get(network);
            if (e != null && e.ipAddress() != null) {
                used.add(e.ipAddress());
            }
        }
        return used;
    }
}
