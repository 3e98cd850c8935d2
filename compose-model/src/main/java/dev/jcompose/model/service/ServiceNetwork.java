package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/**
 * A service's attachment to one network: aliases, static addresses, MAC, priorities, driver options, and the
 * name of the container's interface on it ({@code interface_name}; null: the engine's {@code ethN}).
 */
public record ServiceNetwork(List<String> aliases, String ipv4Address, String ipv6Address, List<String> linkLocalIps,
                             String macAddress, int priority, int gwPriority, Map<String, String> driverOpts,
                             String interfaceName) {
    public static final ServiceNetwork DEFAULT = new ServiceNetwork(List.of(), null, null, List.of(), null, 0, 0, Map.of(), null);

    public ServiceNetwork {
        aliases = List.copyOf(aliases);
        linkLocalIps = List.copyOf(linkLocalIps);
        driverOpts = Map.copyOf(driverOpts);
    }
}
