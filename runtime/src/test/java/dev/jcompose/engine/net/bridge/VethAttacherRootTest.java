package dev.jcompose.engine.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.net.netlink.MacAddress;
import dev.jcompose.engine.net.netlink.NetlinkException;
import dev.jcompose.engine.net.netlink.NetnsSockets;
import dev.jcompose.engine.net.netlink.RtNetlink;
import dev.jcompose.engine.net.testutil.TestNetns;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The in-process attach: a real bridge, a real netns, checked from inside with ip(8). */
@Tag("root")
class VethAttacherRootTest {
    private final String tag = Long.toHexString(System.nanoTime() & 0xfffff);
    private final String bridge = "jcnva" + tag;
    private final String veth = "vnva" + tag;

    @BeforeEach
    void root() {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: creates bridges, veths and enters a netns");
    }

    @Test
    void vethWithMacAddressesAndRouteInsideTheNetns() throws Exception {
        try (RtNetlink nl = RtNetlink.open(); TestNetns ns = TestNetns.start()) {
            nl.createBridge(bridge, 0, Optional.empty());
            try {
                nl.addAddress(bridge, InetAddress.getByName("10.213.44.1"), 24);
                nl.setUp(bridge, true);
                new VethAttacher(nl).attach(ns.pid(), new ContainerInterface(bridge, veth, "eth0", 1400,
                        MacAddress.parse("02:42:0a:d5:2c:63"), List.of("10.213.44.99/24", "169.254.7.7/16"), List.of("10.213.44.1")));
                assertEquals(nl.link(bridge).orElseThrow().index(), nl.link(veth).orElseThrow().master(), "host end on the bridge");
                assertTrue(nl.link(veth).orElseThrow().up(), "host end up");
                String link = ns.exec("ip", "-o", "link", "show", "eth0");
                assertTrue(link.contains("link/ether 02:42:0a:d5:2c:63"), link);
                assertTrue(link.contains("mtu 1400") && link.contains(",UP"), link);
                assertTrue(ns.exec("ip", "-o", "link", "show", "lo").contains(",UP"), "lo up");
                String addrs = ns.exec("ip", "-o", "addr", "show", "eth0");
                assertTrue(addrs.contains("inet 10.213.44.99/24") && addrs.contains("inet 169.254.7.7/16"), addrs);
                assertTrue(ns.exec("ip", "route", "show", "default").contains("default via 10.213.44.1 dev eth0"));
                assertTrue(ns.exec("busybox", "ping", "-c", "1", "-W", "5", "10.213.44.1").contains("1 packets received"), "gateway answers");
            } finally {
                nl.deleteLinkIfPresent(veth);
                nl.deleteLinkIfPresent(bridge);
            }
            assertFalse(Files.exists(Path.of("/sys/class/net", veth)));
            assertFalse(Files.exists(Path.of("/sys/class/net", bridge)));
            assertFalse(ns.exec("ip", "-o", "link").contains("eth0"), "the container end went with the pair");
        }
    }

    @Test
    void aFailureInsideLeavesNoPairBehind() throws Exception {
        try (RtNetlink nl = RtNetlink.open(); TestNetns ns = TestNetns.start()) {
            nl.createBridge(bridge, 0, Optional.empty());
            try {
                // a gateway outside every on-link prefix: the route is refused after the pair exists
                NetlinkException e = assertThrows(NetlinkException.class, () -> new VethAttacher(nl).attach(ns.pid(),
                        new ContainerInterface(bridge, veth, "eth0", 0, MacAddress.parse("02:42:0a:d5:2d:02"),
                                List.of("10.213.45.2/24"), List.of("192.0.2.1"))));
                assertTrue(e.getMessage().startsWith("add default route via 192.0.2.1 dev eth0"), e.getMessage());
                assertFalse(Files.exists(Path.of("/sys/class/net", veth)));
                assertFalse(ns.exec("ip", "-o", "link").contains("eth0"));
            } finally {
                nl.deleteLinkIfPresent(veth);
                nl.deleteLinkIfPresent(bridge);
            }
        }
    }

    @Test
    void netnsSocketOfAGoneProcessFailsNamingThePath() {
        NetlinkException e = assertThrows(NetlinkException.class, () -> NetnsSockets.openInPid(Integer.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("open network namespace /proc/" + Integer.MAX_VALUE + "/ns/net"), e.getMessage());
    }
}
