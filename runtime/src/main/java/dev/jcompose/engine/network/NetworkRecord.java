package dev.jcompose.engine.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A network in Docker's {@code NetworkResource} shape, persisted as {@code networks/<id>.json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkRecord(
        @JsonProperty("Name") String name,
        @JsonProperty("Id") String id,
        @JsonProperty("Created") String created,
        @JsonProperty("Scope") String scope,
        @JsonProperty("Driver") String driver,
        @JsonProperty("EnableIPv6") boolean enableIpv6,
        @JsonProperty("IPAM") Ipam ipam,
        @JsonProperty("Internal") boolean internal,
        @JsonProperty("Attachable") boolean attachable,
        @JsonProperty("Ingress") boolean ingress,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Containers") Map<String, Member> containers) {

    /** A container on the network as inspect shows it (filled in per request, never persisted). */
    public record Member(@JsonProperty("Name") String name, @JsonProperty("EndpointID") String endpointId,
                         @JsonProperty("MacAddress") String macAddress, @JsonProperty("IPv4Address") String ipv4Address,
                         @JsonProperty("IPv6Address") String ipv6Address) {
    }

    public NetworkRecord(String name, String id, String created, String scope, String driver, boolean enableIpv6, Ipam ipam,
                         boolean internal, boolean attachable, boolean ingress, Map<String, String> options, Map<String, String> labels) {
        this(name, id, created, scope, driver, enableIpv6, ipam, internal, attachable, ingress, options, labels, null);
    }

    /** This network with its members, for inspect. */
    public NetworkRecord withContainers(Map<String, Member> members) {
        return new NetworkRecord(name, id, created, scope, driver, enableIpv6, ipam, internal, attachable, ingress, options, labels,
                members);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ipam(@JsonProperty("Driver") String driver, @JsonProperty("Options") Map<String, String> options,
                       @JsonProperty("Config") List<Pool> config) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pool(@JsonProperty("Subnet") String subnet, @JsonProperty("IPRange") String ipRange,
                       @JsonProperty("Gateway") String gateway, @JsonProperty("AuxiliaryAddresses") Map<String, String> auxAddresses) {
    }

    public NetworkRecord {
        options = options == null ? Map.of() : Map.copyOf(options);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
