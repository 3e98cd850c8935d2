package dev.jcompose.engine.net.bridge;

import dev.jcompose.engine.net.netlink.MacAddress;
import java.util.List;

/**
 * One container interface on a bridge: the host end {@code hostVeth} on {@code bridge}, the
 * container end {@code ifname} with its MAC, addresses ({@code address/prefix}, IPv4 or IPv6,
 * link-local ones included) and the gateways of its default routes (none on an internal network).
 */
public record ContainerInterface(String bridge, String hostVeth, String ifname, int mtu, MacAddress mac, List<String> addresses,
        List<String> gateways) {
    public ContainerInterface {
        addresses = List.copyOf(addresses);
        gateways = List.copyOf(gateways);
    }
}
