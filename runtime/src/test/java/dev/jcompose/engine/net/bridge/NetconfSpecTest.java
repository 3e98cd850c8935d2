package dev.jcompose.engine.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetconfSpecTest {
    @Test
    void rendersEveryDirective() {
        NetconfSpec s = new NetconfSpec("jcp1234567", Optional.of("eth0"), Optional.of("02:42:ac:11:00:02"), 1450,
                List.of("172.18.0.2/16", "fd00::2/64"), List.of("172.18.0.1"),
                List.of(new NetconfSpec.Route("10.5.0.0/16", Optional.of("172.18.0.254")),
                        new NetconfSpec.Route("10.6.0.0/16", Optional.empty())), false);
        assertEquals("""
                link jcp1234567 eth0
                mac 02:42:ac:11:00:02
                mtu 1450
                addr 172.18.0.2/16
                addr fd00::2/64
                gateway 172.18.0.1
                route 10.5.0.0/16 via 172.18.0.254
                route 10.6.0.0/16
                """, s.render());
        assertEquals("remove eth1\n", NetconfSpec.removal("eth1").render());
    }

    @Test
    void valuesThatWouldAddDirectivesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NetconfSpec("eth0\nremove lo", Optional.empty(),
                Optional.empty(), 0, List.of(), List.of(), List.of(), false));
        assertThrows(IllegalArgumentException.class, () -> new NetconfSpec("eth0", Optional.empty(), Optional.empty(), 0,
                List.of("10.0.0.2/24 x"), List.of(), List.of(), false));
    }

    @Test
    void bridgeNameAndMtuFromDriverOpts() {
        List<BridgeSpec.Subnet> subnets = List.of(new BridgeSpec.Subnet("172.20.0.0/16", "172.20.0.1"));
        BridgeSpec d = BridgeSpec.of("0123456789abcdef0123", Map.of(), subnets, false);
        assertEquals("jc-0123456789ab", d.bridge());
        assertEquals(0, d.mtu());
        BridgeSpec o = BridgeSpec.of("0123456789abcdef0123",
                Map.of(BridgeSpec.OPT_BRIDGE_NAME, "mybr0", BridgeSpec.OPT_MTU, "1400"), subnets, true);
        assertEquals("mybr0", o.bridge());
        assertEquals(1400, o.mtu());
        assertEquals(16, o.subnets().get(0).prefix());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BridgeSpec.of("ab", Map.of(BridgeSpec.OPT_MTU, "big"), subnets, false));
        assertEquals("invalid com.docker.network.driver.mtu \"big\": not a number", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BridgeSpec.of("ab", Map.of(BridgeSpec.OPT_BRIDGE_NAME, "a-name-longer-than-15"), subnets, false));
    }

    @Test
    void vethTagIsStablePerContainerAndNetwork() {
        assertEquals(BridgeNetworks.shortHash("c1/n1"), BridgeNetworks.shortHash("c1/n1"));
        assertEquals(7, BridgeNetworks.shortHash("c1/n1").length());
        assertEquals(false, BridgeNetworks.shortHash("c1/n1").equals(BridgeNetworks.shortHash("c1/n2")));
    }
}
