package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/**
 * How a service's containers are reached: network_mode (null = the project's networks), the
 * networks with their per-network settings (key order as declared), ports, expose, links, DNS
 * settings, extra hosts ({@code host=ip}), MAC address.
 */
public record ServiceNetworking(String networkMode, Map<String, ServiceNetwork> networks, List<ServicePort> ports,
                                List<String> expose, List<String> links, List<String> externalLinks, List<String> dns,
                                List<String> dnsSearch, List<String> dnsOpt, List<String> extraHosts, String macAddress) {
    public ServiceNetworking {
        networks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(networks));
        ports = List.copyOf(ports);
        expose = List.copyOf(expose);
        links = List.copyOf(links);
        externalLinks = List.copyOf(externalLinks);
        dns = List.copyOf(dns);
        dnsSearch = List.copyOf(dnsSearch);
        dnsOpt = List.copyOf(dnsOpt);
        extraHosts = List.copyOf(extraHosts);
    }
}
