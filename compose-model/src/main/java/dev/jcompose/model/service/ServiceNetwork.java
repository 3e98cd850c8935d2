package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/** A service's attachment to one network: aliases, static addresses, MAC, priorities, driver options. */
public record ServiceNetwork(List<String> aliases, String ipv4Address, String ipv6Address, List<String> linkLocalIps,
                             String macAddress, int priority, int gwPriority, Map<String, String> driverOpts) {
    public static final ServiceNetwork DEFAULT = new ServiceNetwork(List.of(), null, null, List.of(), null, 0, 0, Map.of());

    public ServiceNetwork {
        aliases = List.copyOf(aliases);
        linkLocalIps = List.copyOf(linkLocalIps);
        driverOpts = Map.copyOf(driverOpts);
    }
}
