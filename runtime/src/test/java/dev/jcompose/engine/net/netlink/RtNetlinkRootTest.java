package dev.jcompose.engine.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.net.testutil.TestNetns;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class RtNetlinkRootTest {
    private final String suffix = Long.toHexString(ProcessHandle.current().pid() & 0xffff);
    private final String bridge = "jcnlt" + suffix;
    private final String veth = "jcnlv" + suffix;

    @BeforeEach
    void root() {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: creates bridges and veths");
    }

    @Test
    void bridgeVethAddressRouteAndCleanup() throws Exception {
        try (RtNetlink nl = RtNetlink.open(); TestNetns ns = TestNetns.start()) {
            try {
                nl.createBridge(bridge, 1400, Optional.of(MacAddress.parse("02:42:0a:63:00:01")));
                LinkInfo br = nl.link(bridge).orElseThrow();
                assertEquals(1400, br.mtu());
                assertEquals(Optional.of("bridge"), br.kind());
                assertEquals("02:42:0a:63:00:01", br.mac().orElseThrow().toString());
                assertFalse(br.up());

                NetlinkException dup = assertThrows(NetlinkException.class,
                        () -> nl.createBridge(bridge, 0, Optional.empty()));
                assertEquals("create bridge " + bridge + ": File exists (EEXIST)", dup.getMessage());

                nl.addAddress(bridge, InetAddress.getByName("10.99.213.1"), 24);
                nl.setUp(bridge, true);
                assertTrue(nl.link(bridge).orElseThrow().up());
                assertTrue(Files.readString(Path.of("/proc/net/fib_trie")).contains("10.99.213.1"));

                nl.createVeth(veth, "eth7", 1400, NetnsRef.pid(ns.pid()),
                        Optional.of(MacAddress.parse("02:42:0a:63:00:02")));
                nl.setMaster(veth, bridge);
                nl.setUp(veth, true);
                assertEquals(br.index(), nl.link(veth).orElseThrow().master());
                assertTrue(nl.links().stream().anyMatch(l -> l.name().equals(veth)));
                assertTrue(nl.link("eth7").isEmpty(), "the peer lives in the other netns only");
                String inside = ns.exec("ip", "-o", "link", "show", "eth7");
                assertTrue(inside.contains("mtu 1400") && inside.contains("02:42:0a:63:00:02"), inside);

                nl.addRoute(InetAddress.getByName("10.99.214.0"), 24, Optional.empty(), bridge);
                assertTrue(Files.readString(Path.of("/proc/net/route")).lines()
                        .anyMatch(l -> l.startsWith(bridge) && l.contains("00D6630A")), "route 10.99.214.0/24 on bridge");
                nl.deleteAddress(bridge, InetAddress.getByName("10.99.213.1"), 24);
                assertFalse(Files.readString(Path.of("/proc/net/fib_trie")).contains("10.99.213.1"));
            } finally {
                nl.deleteLinkIfPresent(veth);
                nl.deleteLinkIfPresent(bridge);
            }
            assertFalse(Files.exists(Path.of("/sys/class/net", bridge)));
            assertFalse(Files.exists(Path.of("/sys/class/net", veth)));
            assertFalse(nl.deleteLinkIfPresent(bridge));
        }
    }

    @Test
    void missingLinkIsEmptyAndOperationsNameIt() throws Exception {
        try (RtNetlink nl = RtNetlink.open()) {
            assertTrue(nl.link("jcnone" + suffix).isEmpty());
            NetlinkException e = assertThrows(NetlinkException.class, () -> nl.setUp("jcnone" + suffix, true));
            assertEquals("find link jcnone" + suffix + ": No such device (ENODEV)", e.getMessage());
        }
    }

    @Test
    void vethPeerIntoNetnsByFd() throws Exception {
        jnr.posix.POSIX posix = jnr.posix.POSIXFactory.getNativePOSIX();
        try (RtNetlink nl = RtNetlink.open(); TestNetns ns = TestNetns.start()) {
            int fd = posix.open(ns.nsPath(), 0, 0);
            assertTrue(fd >= 0, "open " + ns.nsPath());
            try {
                nl.createVeth(veth, "eth3", 0, NetnsRef.fd(fd), Optional.empty());
                assertTrue(nl.link(veth).isPresent());
                assertTrue(ns.exec("ip", "-o", "link", "show", "eth3").contains("eth3"));
            } finally {
                posix.close(fd);
                nl.deleteLinkIfPresent(veth);
            }
            assertFalse(Files.exists(Path.of("/sys/class/net", veth)));
        }
    }
}
