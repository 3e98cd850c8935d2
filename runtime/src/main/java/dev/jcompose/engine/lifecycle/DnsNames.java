package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.dns.NameTable;
import dev.jcompose.engine.network.NetworkRecord;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded DNS's name table from the engine's records: every network (subnet, gateway), and for each running
 * container on it its name, hostname and aliases at its IPv4 (and IPv6) address there; and each running
 * container's links ({@code HostConfig.Links} and its endpoints' {@code Links}, {@code container:alias}) as names
 * only it resolves, to the linked container's addresses on the networks they share (Docker's links on
 * user-defined networks: DNS only, no {@code /etc/hosts} line).
 */
final class DnsNames {
    private DnsNames() {
    }

    static NameTable table(List<NetworkRecord> networks, List<ContainerRecord> containers) {
        var b = new NameTable.Builder();
        for (var n : networks) {
            b.network(n.name(), n.ipam().config().get(0).subnet(), n.ipam().config().get(0).gateway());
        }
        Map<String, ContainerRecord> running = new HashMap<>();
        for (ContainerRecord c : containers) {
            if (!c.state().running() || c.networkSettings() == null) {
                continue;
            }
            running.put(c.shortName(), c);
            c.networkSettings().networks().forEach((net, e) -> {
                if (e.ipAddress() == null) {
                    return;
                }
                for (String ip : addresses(e)) {
                    b.add(net, c.shortName(), ip);
                    if (c.config().hostname() != null) {
                        b.add(net, c.config().hostname(), ip);
                    }
                    e.aliases().forEach(a -> b.add(net, a, ip));
                }
            });
        }
        running.values().forEach(c -> links(b, c, running));
        return b.build();
    }

    /** Each link of {@code c} as a name of its own, on every network it shares with the linked container. */
    private static void links(NameTable.Builder b, ContainerRecord c, Map<String, ContainerRecord> running) {
        Set<String> links = new LinkedHashSet<>();
        if (c.hostConfig().links() != null) {
            links.addAll(c.hostConfig().links());
        }
        c.networkSettings().networks().values().forEach(e -> {
            if (e.links() != null) {
                links.addAll(e.links());
            }
        });
        for (String link : links) {
            String[] parts = link.split(":", 2);
            String target = strip(parts[0]);
            String alias = parts.length == 2 ? strip(parts[1]) : target;
            ContainerRecord linked = running.get(target);
            if (linked == null || alias.isEmpty()) {
                continue;
            }
            c.networkSettings().networks().forEach((net, mine) -> {
                EndpointSettings theirs = linked.networkSettings().networks().get(net);
                if (mine.ipAddress() == null || mine.ipAddress().isEmpty() || theirs == null || theirs.ipAddress() == null
                        || theirs.ipAddress().isEmpty()) {
                    return;
                }
                for (String asker : addresses(mine)) {
                    addresses(theirs).forEach(a -> b.link(asker, alias, a));
                }
            });
        }
    }

    private static List<String> addresses(EndpointSettings e) {
        return e.globalIpv6Address() == null || e.globalIpv6Address().isEmpty() ? List.of(e.ipAddress())
                : List.of(e.ipAddress(), e.globalIpv6Address());
    }

    /** Docker shows links as {@code /db:/web/database}; compose sends {@code demo-db-1:database}: the last path part. */
    private static String strip(String s) {
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
