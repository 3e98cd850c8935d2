package dev.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code EndpointSettings}: a container's attachment to one network — what the client asks
 * for (aliases, static addresses, MAC, priority) and, once connected, what it got (addresses, gateway).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointSettings(
        @JsonProperty("IPAMConfig") IpamConfig ipamConfig,
        @JsonProperty("Links") List<String> links,
        @JsonProperty("Aliases") List<String> aliases,
        @JsonProperty("MacAddress") String macAddress,
        @JsonProperty("DriverOpts") Map<String, String> driverOpts,
        @JsonProperty("GwPriority") Integer gwPriority,
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("EndpointID") String endpointId,
        @JsonProperty("Gateway") String gateway,
        @JsonProperty("IPAddress") String ipAddress,
        @JsonProperty("IPPrefixLen") Integer ipPrefixLen,
        @JsonProperty("IPv6Gateway") String ipv6Gateway,
        @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
        @JsonProperty("GlobalIPv6PrefixLen") Integer globalIpv6PrefixLen,
        @JsonProperty("DNSNames") List<String> dnsNames) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IpamConfig(@JsonProperty("IPv4Address") String ipv4Address,
                             @JsonProperty("IPv6Address") String ipv6Address,
                             @JsonProperty("LinkLocalIPs") List<String> linkLocalIps) {
    }

    public EndpointSettings {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        links = links == null ? null : List.copyOf(links);
    }

    /** The request part only, with the connection results cleared (for a recreate). */
    public EndpointSettings withConnection(String networkId, String endpointId, String gateway, String ip, Integer prefix,
                                           List<String> dnsNames) {
        return new EndpointSettings(ipamConfig, links, aliases, macAddress, driverOpts, gwPriority, networkId, endpointId,
                gateway, ip, prefix, ipv6Gateway, globalIpv6Address, globalIpv6PrefixLen, dnsNames);
    }
}
