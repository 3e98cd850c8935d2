package dev.jcompose.engine.net.bridge;

import java.util.List;
import java.util.Map;

/**
 * A bridge network to realise: its bridge device name, subnets with their gateways, MTU (0: kernel
 * default), whether it is internal (no way out) and whether IPv6 subnets are in use.
 */
public record BridgeSpec(String networkId, String bridge, List<Subnet> subnets, int mtu, boolean internal) {
    public static final String OPT_BRIDGE_NAME = "com.docker.network.bridge.name";
    public static final String OPT_MTU = "com.docker.network.driver.mtu";

    /** A subnet in CIDR form and the gateway address the bridge carries in it. */
    public record Subnet(String cidr, String gateway) {
        public int prefix() {
            return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        }

        public boolean ipv6() {
            return cidr.contains(":");
        }
    }

    public BridgeSpec {
        subnets = List.copyOf(subnets);
        if (bridge.isEmpty() || bridge.length() > 15) {
            throw new IllegalArgumentException("bridge name \"" + bridge + "\" must have 1 to 15 characters");
        }
    }

    /**
     * As Docker's bridge driver reads a network: bridge {@code jc-<first 12 hex of the id>} unless
     * {@value #OPT_BRIDGE_NAME} names one; MTU from {@value #OPT_MTU}.
     */
    public static BridgeSpec of(String networkId, Map<String, String> driverOpts, List<Subnet> subnets,
            boolean internal) {
        String bridge = driverOpts.getOrDefault(OPT_BRIDGE_NAME, "jc-" + networkId.substring(0, Math.min(12, networkId.length())));
        int mtu = 0;
        String m = driverOpts.get(OPT_MTU);
        if (m != null) {
            try {
                mtu = Integer.parseInt(m.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid " + OPT_MTU + " \"" + m + "\": not a number");
            }
            if (mtu < 68 || mtu > 65535) {
                throw new IllegalArgumentException("invalid " + OPT_MTU + " \"" + m + "\": must be 68..65535");
            }
        }
        return new BridgeSpec(networkId, bridge, subnets, mtu, internal);
    }

    public boolean ipv6() {
        return subnets.stream().anyMatch(Subnet::ipv6);
    }
}
