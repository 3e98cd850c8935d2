package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.net.firewall.Firewall;
import dev.jcompose.engine.net.firewall.FirewallNetwork;
import dev.jcompose.engine.network.BridgeDriver;
import dev.jcompose.engine.network.NetworkRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packet-filter side of the engine's bridge networks, through the networking stack's
 * {@link Firewall} (nftables): isolation between networks, no way out of {@code internal} ones,
 * masquerade for the others (with IPv4 forwarding on, and IPv6 forwarding — {@code net.ipv6.conf.all.forwarding},
 * as Docker sets it — for those with {@code EnableIPv6}). Without {@code nft} the networks still work,
 * unisolated and without a way out; the engine log says so once. The table ({@code inet jcompose})
 * is one per host: two engines on one host (a developer's engine and a test's) overwrite each
 * other's rules.
 */
final class NetworkRules {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkRules.class);

    private final Firewall firewall;
    private final Path ipForward;
    private final Path ip6Forward;
    private final Set<String> installed = ConcurrentHashMap.newKeySet();
    private volatile boolean warned;

    /** @param ipForward {@code /proc/sys/net/ipv4/ip_forward}; @param ip6Forward {@code /proc/sys/net/ipv6/conf/all/forwarding} */
    NetworkRules(Firewall firewall, Path ipForward, Path ip6Forward) {
        this.firewall = firewall;
        this.ipForward = ipForward;
        this.ip6Forward = ip6Forward;
    }

    synchronized void add(NetworkRecord n) {
        String bridge = BridgeDriver.bridgeName(n);
        if (installed.contains(bridge)) {
            return;
        }
        try {
            if (!n.internal() && Files.exists(ipForward)) {
                Files.writeString(ipForward, "1\n");
            }
            if (!n.internal() && n.enableIpv6() && Files.exists(ip6Forward) && !Files.readString(ip6Forward).trim().equals("1")) {
                Files.writeString(ip6Forward, "1\n");
            }
            firewall.addNetwork(new FirewallNetwork(bridge, n.ipam().config().stream().map(NetworkRecord.Pool::subnet).toList(), n.internal()));
            installed.add(bridge);
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("network {}: no isolation or NAT rules ({}); containers still reach each other on it", n.name(), e.getMessage());
            }
        }
    }

    synchronized void remove(NetworkRecord n) {
        String bridge = BridgeDriver.bridgeName(n);
        if (installed.remove(bridge)) {
            try {
                if (installed.isEmpty()) {
                    firewall.clear(); // the last network: no empty jcompose table is left behind
                } else {
                    firewall.removeNetwork(bridge);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("removing the rules of network {}: {}", n.name(), e.getMessage());
            }
        }
    }

    /** Re-installs the rules of networks that exist (the firewall keeps its table in memory; a new engine starts empty). */
    void restore(List<NetworkRecord> networks) {
        networks.forEach(this::add);
    }
}
