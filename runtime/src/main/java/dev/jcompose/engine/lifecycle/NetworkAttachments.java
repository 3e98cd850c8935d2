package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.ipam.Assignment;
import dev.jcompose.engine.network.BridgeDriver;
import dev.jcompose.engine.network.NetworkException;
import dev.jcompose.engine.network.NetworkRecord;
import dev.jcompose.engine.network.NetworkStore;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Connects a container to its networks: at start (between the shim's "pid" and "go") every network
 * of its network mode and endpoints, and later one at a time ({@code docker network connect}). For
 * each: the bridge exists, the IPAM gives an address (the static one asked for, else the one the
 * container's name held before, else the next free one), a veth joins the container's netns as
 * eth0, eth1 … (or the name its endpoint's {@value #IFNAME_OPTION} option asks for), and the endpoint
 * (address, gateway, network ID, DNS names) is returned for the
 * record. The host side of the veth is named after the endpoint ID, so a disconnect can delete it.
 * The default {@code bridge} network is created on first use, as Docker always has one.
 */
final class NetworkAttachments {
    /** Docker's endpoint driver option naming the container's interface (API 1.49+). */
    static final String IFNAME_OPTION = "com.docker.network.endpoint.ifname";
    private final NetworkStore networks;
    private final BridgeDriver driver;
    private final SecureRandom random = new SecureRandom();
    private final NetworkRules rules;
    private final Consumer<NetworkRecord> onBridge;

    NetworkAttachments(NetworkStore networks, BridgeDriver driver, NetworkRules rules, Consumer<NetworkRecord> onBridge) {
        this.networks = networks;
        this.driver = driver;
        this.rules = rules;
        this.onBridge = onBridge;
    }

    /** Whether the network mode gives the container a netns of its own with endpoints (not host, none, container:). */
    static boolean ownsEndpoints(ContainerRecord r) {
        String mode = r.hostConfig().effectiveNetworkMode();
        return !(mode.equals("host") || mode.equals("none") || mode.startsWith("container:"));
    }

    /** The container's endpoints after connecting it; empty for host/none/container: modes. On failure nothing stays allocated. */
    synchronized Map<String, EndpointSettings> connect(ContainerRecord r, long pid) throws IOException {
        if (!ownsEndpoints(r)) {
            return Map.of();
        }
        String mode = r.hostConfig().effectiveNetworkMode();
        Map<String, EndpointSettings> requested = new LinkedHashMap<>();
        requested.put(canonical(mode), r.networkSettings().networks().getOrDefault(mode, null));
        r.networkSettings().networks().forEach((k, v) -> requested.putIfAbsent(canonical(k), v));
        Map<String, EndpointSettings> out = new LinkedHashMap<>();
        try {
            for (var e : requested.entrySet()) {
                NetworkRecord n = network(e.getKey());
                out.put(n.name(), attach(r, pid, n, e.getValue(), out.size()));
            }
        } catch (IOException | RuntimeException e) {
            release(r, requested.keySet());
            throw e;
        }
        return out;
    }

    /** Connects a running container to one more network as the next ethN. */
    synchronized EndpointSettings connectOne(ContainerRecord r, long pid, NetworkRecord n, EndpointSettings asked) throws IOException {
        int index = r.networkSettings() == null ? 0 : (int) r.networkSettings().networks().values().stream()
                .filter(e -> e.ipAddress() != null && !e.ipAddress().isEmpty()).count();
        try {
            return attach(r, pid, n, asked, index);
        } catch (IOException | RuntimeException e) {
            networks.release(n, r.shortName());
            throw e;
        }
    }

    /** Takes a running container's endpoint off {@code n}: deletes its veth pair (the address leaves with it) and frees the address. */
    synchronized void disconnect(ContainerRecord r, NetworkRecord n, EndpointSettings endpoint) throws IOException {
        if (endpoint != null && endpoint.endpointId() != null) {
            driver.deleteLink(hostInterface(endpoint.endpointId()));
        }
        networks.release(n, r.shortName());
    }

    /** Frees the addresses the container's name holds on all its networks (it stopped, failed to start or went away). */
    synchronized void release(ContainerRecord r) {
        if (r.networkSettings() != null) {
            release(r, r.networkSettings().networks().keySet());
            r.networkSettings().networks().forEach((name, e) -> {
                if (e != null && e.ipAddress() != null && !e.ipAddress().isEmpty()) {
                    try {
                        networks.releaseAddress(networks.find(canonical(name)), e.ipAddress());
                    } catch (NetworkException gone) {
                        // a network removed meanwhile holds nothing any more
                    }
                }
            });
        }
        if (ownsEndpoints(r)) {
            release(r, List.of(canonical(r.hostConfig().effectiveNetworkMode())));
        }
    }

    private void release(ContainerRecord r, Iterable<String> names) {
        for (String name : names) {
            try {
                networks.release(networks.find(canonical(name)), r.shortName());
            } catch (NetworkException e) {
                // a network removed meanwhile holds nothing any more
            }
        }
    }

    private EndpointSettings attach(ContainerRecord r, long pid, NetworkRecord n, EndpointSettings asked, int index) throws IOException {
        EndpointSettings.IpamConfig ipamAsked = asked != null ? asked.ipamConfig() : null;
        String want = ipamAsked != null ? ipamAsked.ipv4Address() : null;
        List<String> linkLocal = ipamAsked != null && ipamAsked.linkLocalIps() != null ? ipamAsked.linkLocalIps() : List.of();
        Assignment a = networks.allocate(n, r.shortName(), want, ipamAsked != null ? ipamAsked.ipv6Address() : null);
        driver.ensureBridge(n);
        rules.add(n);
        onBridge.accept(n);
        byte[] ep = new byte[32];
        random.nextBytes(ep);
        String endpointId = HexFormat.of().formatHex(ep);
        String askedMac = asked != null && asked.macAddress() != null && !asked.macAddress().isEmpty() ? asked.macAddress()
                : index == 0 ? r.config().macAddress() : null;
        String mac = driver.attach(pid, n, new BridgeDriver.Attachment(hostInterface(endpointId), interfaceName(asked, index), a, linkLocal,
                askedMac, index == 0));
        List<String> dnsNames = new ArrayList<>(List.of(r.shortName(), r.id().substring(0, 12)));
        if (asked != null) {
            asked.aliases().stream().filter(alias -> !dnsNames.contains(alias)).forEach(dnsNames::add);
        }
        return new EndpointSettings(ipamAsked, asked != null ? asked.links() : null, asked != null ? asked.aliases() : null, mac,
                asked != null ? asked.driverOpts() : null, asked != null ? asked.gwPriority() : null, n.id(), endpointId, a.gateway4(),
                a.ipv4(), a.ipv4Prefix(), a.gateway6() == null ? "" : a.gateway6(), a.ipv6() == null ? "" : a.ipv6(),
                a.ipv6() == null ? 0 : a.ipv6Prefix(), dnsNames);
    }

    /**
     * The endpoints as a stopped container shows them (as Docker's inspect): what was asked for
     * (static address, aliases, links) stays, what the connection gave (address, gateway, endpoint) goes.
     */
    static Map<String, EndpointSettings> disconnected(Map<String, EndpointSettings> endpoints) {
        Map<String, EndpointSettings> out = new LinkedHashMap<>();
        endpoints.forEach((name, e) -> out.put(name, new EndpointSettings(e.ipamConfig(), e.links(), e.aliases(),
                BridgeDriver.isDerivedMac(e.macAddress(), e.ipAddress()) ? "" : e.macAddress(), e.driverOpts(), e.gwPriority(), e.networkId(), "", "", "", 0, "", "", 0, e.dnsNames())));
        return out;
    }

    /**
     * The container's name for its end of the veth: the endpoint driver option {@value #IFNAME_OPTION} (compose's
     * {@code interface_name}) when given, else {@code eth<index>}.
     */
    static String interfaceName(EndpointSettings asked, int index) {
        String name = asked != null && asked.driverOpts() != null ? asked.driverOpts().get(IFNAME_OPTION) : null;
        if (name == null || name.isEmpty()) {
            return "eth" + index;
        }
        if (name.length() > 15 || name.equals(".") || name.equals("..") || !name.chars().allMatch(ch -> ch > ' ' && ch < 127
                && ch != '/' && ch != ':')) {
            throw new NetworkException(400, "invalid interface name \"" + name + "\" (" + IFNAME_OPTION
                    + "): at most 15 printable characters, without '/', ':' or spaces");
        }
        return name;
    }

    /** {@code veth} and the endpoint ID's first 7 hex digits: unique enough, within IFNAMSIZ, derivable for a disconnect. */
    static String hostInterface(String endpointId) {
        return "veth" + endpointId.substring(0, 7);
    }

    /** The docker CLI names Docker's default network "default"; it is the "bridge" network. */
    private static String canonical(String name) {
        return name.equals("default") ? "bridge" : name;
    }

    NetworkRecord network(String name) {
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
}
