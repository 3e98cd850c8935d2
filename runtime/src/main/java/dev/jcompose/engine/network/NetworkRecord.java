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
        @JsonProperty("Labels") Map<String, String> labels) {

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
