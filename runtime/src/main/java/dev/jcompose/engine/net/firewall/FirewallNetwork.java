package dev.jcompose.engine.net.firewall;

import java.util.List;

/** A bridge network as the firewall sees it: its bridge, its subnets (CIDR text) and whether it is internal. */
public record FirewallNetwork(String bridge, List<String> subnets, boolean internal) {
    public FirewallNetwork {
        NftNames.checkInterface(bridge);
        subnets = List.copyOf(subnets);
        subnets.forEach(NftNames::checkCidr);
    }
}
