package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.NetworkConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code com.docker.compose.config-hash} label of a network compose creates (docker compose's NetworkHash):
 * sha256 (hex) of the network's definition as JSON — name, driver and its options, IPAM, internal, attachable,
 * IPv4/IPv6 switches, labels — with maps in key order, so the hash depends on what the file says, not how it is
 * written. When it differs from the label of the existing network, {@code up} recreates the network. The value is
 * jcompose's own (not byte-equal to docker compose's): a network made by docker compose is seen as changed once.
 */
public final class NetworkHash {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NetworkHash() {
    }

    public static String of(NetworkConfig n) {
        ObjectNode o = F.objectNode();
        o.put("name", n.name());
        o.put("driver", n.driver());
        o.set("driver_opts", sorted(n.driverOpts()));
        ObjectNode ipam = o.putObject("ipam");
        ipam.put("driver", n.ipamDriver());
        var config = ipam.putArray("config");
        n.ipam().forEach(pool -> config.addObject().put("subnet", pool.subnet()).put("ip_range", pool.ipRange())
                .put("gateway", pool.gateway()).set("aux_addresses", sorted(pool.auxAddresses() == null ? Map.of() : pool.auxAddresses())));
        ipam.set("options", sorted(n.ipamOptions()));
        o.put("external", n.external());
        o.put("internal", n.internal());
        o.put("attachable", n.attachable());
        o.put("enable_ipv6", n.enableIpv6());
        o.put("enable_ipv4", n.enableIpv4());
        o.set("labels", sorted(n.labels()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(o.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static ObjectNode sorted(Map<String, String> m) {
        ObjectNode out = F.objectNode();
        new TreeMap<>(m).forEach(out::put);
        return out;
    }
}
