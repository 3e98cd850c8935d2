package dev.jcompose.engine.net.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NftRulesetTest {

    @Test
    void twoNetworksOneInternalAndPorts() {
        FirewallNetwork web = new FirewallNetwork("jc-aaaa", List.of("172.30.1.0/24", "fd00:1::/64"), false);
        FirewallNetwork db = new FirewallNetwork("jc-bbbb", List.of("172.30.2.0/24"), true);
        List<PortRule> ports = List.of(
                new PortRule("c2", "udp", Optional.empty(), 5353, "172.30.1.3", 53),
                new PortRule("c1", "tcp", Optional.of("192.0.2.10"), 8080, "172.30.1.2", 80),
                new PortRule("c1", "tcp", Optional.empty(), 8443, "fd00:1::2", 443));
        String want = """
                table inet jcompose
                delete table inet jcompose
                table inet jcompose {
                \tchain forward {
                \t\ttype filter hook forward priority filter; policy accept;
                \t\tiifname "jc-aaaa" oifname "jc-aaaa" accept
                \t\tiifname "jc-bbbb" oifname "jc-bbbb" accept
                \t\tiifname { "jc-aaaa", "jc-bbbb" } oifname { "jc-aaaa", "jc-bbbb" } drop
                \t\tiifname "jc-bbbb" drop
                \t\toifname "jc-bbbb" drop
                \t}
                \tchain postrouting {
                \t\ttype nat hook postrouting priority srcnat; policy accept;
                \t\tip saddr 172.30.1.0/24 oifname != "jc-aaaa" masquerade
                \t\tip6 saddr fd00:1::/64 oifname != "jc-aaaa" masquerade
                \t}
                \tchain prerouting {
                \t\ttype nat hook prerouting priority dstnat; policy accept;
                \t\tfib daddr type local iifname != { "jc-aaaa", "jc-bbbb" } jump published
                \t}
                \tchain published {
                \t\tip daddr 192.0.2.10 tcp dport 8080 dnat ip to 172.30.1.2:80 comment "c1"
                \t\ttcp dport 8443 dnat ip6 to [fd00:1::2]:443 comment "c1"
                \t\tudp dport 5353 dnat ip to 172.30.1.3:53 comment "c2"
                \t}
                }
                """;
        assertEquals(want, NftRuleset.render(List.of(db, web), ports));
    }

    @Test
    void emptyStateIsAnEmptyTable() {
        String s = NftRuleset.render(List.of(), List.of());
        assertEquals(false, s.contains("drop"));
        assertEquals(false, s.contains("jump published"));
        assertEquals(true, s.startsWith(NftRuleset.deleteScript()));
    }

    @Test
    void namesThatCouldBreakTheScriptAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FirewallNetwork("jc\" accept", List.of(), false));
        assertThrows(IllegalArgumentException.class, () -> new FirewallNetwork("jc-x", List.of("10.0.0.0/8; drop"), false));
        assertThrows(IllegalArgumentException.class,
                () -> new PortRule("c\"1", "tcp", Optional.empty(), 80, "10.0.0.2", 80));
        assertThrows(IllegalArgumentException.class,
                () -> new PortRule("c1", "sctp", Optional.empty(), 80, "10.0.0.2", 80));
        assertThrows(IllegalArgumentException.class,
                () -> new PortRule("c1", "tcp", Optional.empty(), 0, "10.0.0.2", 80));
    }

    @Test
    void missingNftIsNamedInTheError() {
        NftFirewall fw = new NftFirewall("/nonexistent/nft");
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> fw.addNetwork(new FirewallNetwork("jc-x", List.of("10.0.0.0/24"), false)));
        assertEquals(true, e.getMessage().startsWith("firewall: add network jc-x: cannot run /nonexistent/nft (install nftables)"),
                e.getMessage());
    }
}
