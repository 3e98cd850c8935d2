package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.dns.NameTable;
import dev.jcompose.engine.network.NetworkRecord;
import java.util.List;

/**
 * The embedded DNS's name table from the engine's records: every network (subnet, gateway), and for each running
 * container on it its name, hostname and aliases at its IPv4 (and IPv6) address there.
 */
final class DnsNames {
    private DnsNames() {
    }

    static NameTable table(List<NetworkRecord> networks, List<ContainerRecord> containers) {
        var b = new NameTable.Builder();
        for (var n : networks) {
            b.network(n.name(), n.ipam().config().get(0).subnet(), n.ipam().config().get(0).gateway());
        }
        for (ContainerRecord c : containers) {
            if (!c.state().running() || c.networkSettings() == null) {
                continue;
            }
            c.networkSettings().networks().forEach((net, e) -> {
                if (e.ipAddress() == null) {
                    return;
                }
                for (String ip : e.globalIpv6Address() == null || e.globalIpv6Address().isEmpty() ? List.of(e.ipAddress())
                        : List.of(e.ipAddress(), e.globalIpv6Address())) {
                    b.add(net, c.shortName(), ip);
                    if (c.config().hostname() != null) {
                        b.add(net, c.config().hostname(), ip);
                    }
                    e.aliases().forEach(a -> b.add(net, a, ip));
                }
            });
        }
        return b.build();
    }
}
