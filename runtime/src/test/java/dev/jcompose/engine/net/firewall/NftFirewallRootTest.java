package dev.jcompose.engine.net.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.net.testutil.TestNetns;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class NftFirewallRootTest {

    private static String listTable() throws Exception {
        Process p = new ProcessBuilder("nft", "list", "table", "inet", "jcompose").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : "";
    }

    @Test
    void rulesAppliedReplacedAndRemovedPerNetworkAndContainer() throws Exception {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: installs an nftables table");
        Assumptions.assumeTrue(listTable().isEmpty(), "an inet jcompose table exists already (engine running?)");
        NftFirewall fw = new NftFirewall();
        try {
            fw.addNetwork(new FirewallNetwork("jcfwa", List.of("10.98.1.0/24"), false));
            fw.addNetwork(new FirewallNetwork("jcfwb", List.of("10.98.2.0/24"), true));
            fw.setPorts("ctr1", List.of(new PortRule("ctr1", "tcp", Optional.empty(), 18080, "10.98.1.2", 80)));
            String t = listTable();
            assertTrue(t.contains("ip saddr 10.98.1.0/24 oifname != \"jcfwa\" masquerade"), t);
            assertTrue(t.contains("tcp dport 18080 dnat ip to 10.98.1.2:80"), t);
            assertTrue(t.contains("oifname \"jcfwb\" drop"), t);

            fw.removePorts("ctr1");
            fw.removeNetwork("jcfwb");
            t = listTable();
            assertFalse(t.contains("dnat"), t);
            assertFalse(t.contains("jcfwb"), t);
            assertTrue(t.contains("jcfwa"), t);
            fw.addNetwork(new FirewallNetwork("jcfwa", List.of("10.98.1.0/24"), false));
            assertEquals(1, listTable().lines().filter(l -> l.contains("masquerade")).count(), "idempotent add");
        } finally {
            fw.clear();
        }
        assertEquals("", listTable());
        fw.clear();
    }
}
