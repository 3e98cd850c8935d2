package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.engine.net.firewall.Firewall;
import dev.jcompose.engine.net.firewall.FirewallNetwork;
import dev.jcompose.engine.net.firewall.PortRule;
import dev.jcompose.engine.network.NetworkRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarding switched on as Docker does: IPv4 for every non-internal network, IPv6
 * ({@code net.ipv6.conf.all.forwarding}) only for a non-internal network with {@code EnableIPv6}. The sysctl
 * files are stand-ins in a temporary directory; the firewall a recorder.
 */
class NetworkRulesForwardingTest {
    @TempDir
    Path dir;

    private final List<String> added = new ArrayList<>();
    private final Firewall recorder = new Firewall() {
        public void addNetwork(FirewallNetwork network) {
            added.add(network.bridge());
        }

        public void removeNetwork(String bridge) {
        }

        public void setPorts(String owner, List<PortRule> rules) {
        }

        public void removePorts(String owner) {
        }

        public void clear() {
        }
    };

    private static NetworkRecord network(String id, boolean ipv6, boolean internal) {
        return new NetworkRecord("n" + id, id.repeat(64 / id.length()), "", "local", "bridge", ipv6,
                new NetworkRecord.Ipam("default", null, List.of(new NetworkRecord.Pool("10.9.0.0/24", null, "10.9.0.1", null))),
                internal, false, false, Map.of(), Map.of());
    }

    @Test
    void ipv6ForwardingOnlyForANonInternalIpv6Network() throws Exception {
        Path v4 = Files.writeString(dir.resolve("ip_forward"), "0\n");
        Path v6 = Files.writeString(dir.resolve("forwarding"), "0\n");
        NetworkRules rules = new NetworkRules(recorder, v4, v6);

        rules.add(network("a", false, false));
        assertEquals("1", Files.readString(v4).trim());
        assertEquals("0", Files.readString(v6).trim(), "an IPv4-only network leaves IPv6 forwarding alone");

        rules.add(network("b", true, true));
        assertEquals("0", Files.readString(v6).trim(), "an internal network has no way out to forward to");

        rules.add(network("c", true, false));
        assertEquals("1", Files.readString(v6).trim());
        assertEquals(3, added.size(), added.toString());
    }
}
