package dev.jcompose.engine.net.bridge;

import java.util.List;
import java.util.Optional;

/**
 * A container's interface on a bridge network: the host-side veth, the name inside ({@code eth0}…),
 * its addresses (CIDR) and MAC. Enough to detach it again, also after an engine restart.
 */
public record Endpoint(int pid, String bridge, String hostVeth, String ifname, List<String> addresses,
        Optional<String> mac) {
    public Endpoint {
        addresses = List.copyOf(addresses);
    }
}
