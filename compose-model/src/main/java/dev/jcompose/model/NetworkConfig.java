package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/** A top-level network: engine name, driver and options, IPAM, external/internal/attachable, IPv6 and IPv4
 * switches (null when not set), labels, IPAM driver options. */
public record NetworkConfig(String key, String name, String driver, Map<String, String> driverOpts, String ipamDriver,
                            List<IpamPool> ipam, boolean external, boolean internal, boolean attachable, Boolean enableIpv6,
                            Map<String, String> labels, Boolean enableIpv4, Map<String, String> ipamOptions) {

    public record IpamPool(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    }

    public NetworkConfig {
        driverOpts = Map.copyOf(driverOpts);
        ipam = List.copyOf(ipam);
        labels = Map.copyOf(labels);
        ipamOptions = Map.copyOf(ipamOptions);
    }
}
