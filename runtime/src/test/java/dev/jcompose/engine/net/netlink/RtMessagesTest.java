package dev.jcompose.engine.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Golden bytes written from the kernel's struct layouts (little-endian hosts). */
class RtMessagesTest {
    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void littleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little-endian");
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    private static String clean(String s) {
        return s.replaceAll("[\\s|]", "");
    }

    @Test
    void bridgeWithMtu() {
        String want = clean("""
                40000000 1000 0506 07000000 00000000
                00000000 00000000 00000000 00000000
                0800 0300 62723000
                0800 0400 dc050000
                1000 1200 | 0b00 0100 627269646765 00 00
                """);
        assertEquals(want, hex(RtMessages.newBridge(7, "br0", 1500, Optional.empty())));
    }

    @Test
    void bridgeWithMacAndNoMtu() {
        String want = clean("""
                44000000 1000 0506 01000000 00000000
                00000000 00000000 00000000 00000000
                0800 0300 62723100
                0a00 0100 0242ac110002 0000
                1000 1200 | 0b00 0100 627269646765 00 00
                """);
        assertEquals(want, hex(RtMessages.newBridge(1, "br1", 0, Optional.of(MacAddress.parse("02:42:ac:11:00:02")))));
    }

    @Test
    void vethPeerIntoNetnsOfPid() {
        // IFLA_LINKINFO { KIND "veth", INFO_DATA { VETH_INFO_PEER { ifinfomsg, IFNAME "eth0", MTU, NET_NS_PID } } }
        String want = clean("""
                78000000 1000 0506 02000000 00000000
                00000000 00000000 00000000 00000000
                0c00 0300 7665746831323300
                0800 0400 dc050000
                4400 1200
                  0900 0100 76657468 00 000000
                  3400 0200
                    3000 0100
                      00000000 00000000 00000000 00000000
                      0900 0300 65746830 00 000000
                      0800 0400 dc050000
                      0800 1300 39300000
                """);
        assertEquals(want, hex(RtMessages.newVeth(2, "veth123", "eth0", 1500, NetnsRef.pid(12345), Optional.empty())));
    }

    @Test
    void vethOnBridgeHostUpPeerWithMacIntoNetns() {
        // host end: ifinfomsg up, IFNAME, MTU, MASTER 7; peer: ifinfomsg (down), IFNAME, MTU, ADDRESS, NET_NS_PID
        String want = clean("""
                8c000000 1000 0506 02000000 00000000
                00000000 00000000 01000000 01000000
                0c00 0300 7665746831323300
                0800 0400 dc050000
                0800 0a00 07000000
                5000 1200
                  0900 0100 76657468 00 000000
                  4000 0200
                    3c00 0100
                      00000000 00000000 00000000 00000000
                      0900 0300 65746830 00 000000
                      0800 0400 dc050000
                      0a00 0100 0242ac110002 0000
                      0800 1300 39300000
                """);
        assertEquals(want, hex(RtMessages.newVethOnBridge(2, "veth123", 1500, 7, "eth0", NetnsRef.pid(12345),
                Optional.of(MacAddress.parse("02:42:ac:11:00:02")))));
    }

    @Test
    void vethPeerByFd() {
        byte[] msg = RtMessages.newVeth(3, "a", "b", 0, NetnsRef.fd(9), Optional.empty());
        // last attribute is IFLA_NET_NS_FD (28) = 9
        assertEquals("08001c0009000000", hex(msg).substring(hex(msg).length() - 16));
    }

    @Test
    void setUpAndDown() {
        assertEquals(clean("20000000 1000 0500 04000000 00000000 | 00 00 0000 05000000 01000000 01000000"),
                hex(RtMessages.setUp(4, 5, true)));
        assertEquals(clean("20000000 1000 0500 04000000 00000000 | 00 00 0000 05000000 00000000 01000000"),
                hex(RtMessages.setUp(4, 5, false)));
    }

    @Test
    void setMasterAndDelete() {
        assertEquals(clean("28000000 1000 0500 05000000 00000000 | 00000000 06000000 00000000 00000000 | 0800 0a00 03000000"),
                hex(RtMessages.setMaster(5, 6, 3)));
        assertEquals(clean("20000000 1100 0500 06000000 00000000 | 00000000 06000000 00000000 00000000"),
                hex(RtMessages.deleteLink(6, 6)));
    }

    @Test
    void addIpv4Address() throws Exception {
        String want = clean("""
                28000000 1400 0506 08000000 00000000
                02 10 00 00 03000000
                0800 0200 0a640001
                0800 0100 0a640001
                """);
        assertEquals(want, hex(RtMessages.address(8, true, 3, InetAddress.getByName("10.100.0.1"), 16)));
    }

    @Test
    void addIpv6AddressWithoutDad() throws Exception {
        String want = clean("""
                48000000 1400 0506 0d000000 00000000
                0a 40 00 00 04000000
                1400 0200 fd000000000000000000000000000001
                1400 0100 fd000000000000000000000000000001
                0800 0800 02000000
                """);
        assertEquals(want, hex(RtMessages.address(13, true, 4, InetAddress.getByName("fd00::1"), 64)));
    }

    @Test
    void deleteIpv6Address() throws Exception {
        String want = clean("""
                40000000 1500 0500 09000000 00000000
                0a 40 00 00 04000000
                1400 0200 fd000000000000000000000000000001
                1400 0100 fd000000000000000000000000000001
                """);
        assertEquals(want, hex(RtMessages.address(9, false, 4, InetAddress.getByName("fd00::1"), 64)));
    }

    @Test
    void defaultRouteViaGateway() throws Exception {
        String want = clean("""
                2c000000 1800 0506 0a000000 00000000
                02 00 00 00 fe 03 00 01 00000000
                0800 0500 0a640001
                0800 0400 02000000
                """);
        assertEquals(want, hex(RtMessages.newRoute(10, InetAddress.getByName("0.0.0.0"), 0,
                Optional.of(InetAddress.getByName("10.100.0.1")), 2)));
    }

    @Test
    void onLinkRouteHasLinkScopeAndDestination() throws Exception {
        String want = clean("""
                2c000000 1800 0506 0b000000 00000000
                02 18 00 00 fe 03 fd 01 00000000
                0800 0100 0a0b0c00
                0800 0400 07000000
                """);
        assertEquals(want, hex(RtMessages.newRoute(11, InetAddress.getByName("10.11.12.0"), 24, Optional.empty(), 7)));
    }

    @Test
    void dumpLinksAsksForAll() {
        assertEquals(clean("20000000 1200 0103 0c000000 00000000 | 00000000 00000000 00000000 00000000"),
                hex(RtMessages.dumpLinks(12)));
    }

    @Test
    void unclosedNestIsRefused() {
        NlMessageBuilder b = new NlMessageBuilder(16, 0, 1).beginNest(18);
        assertThrows(IllegalStateException.class, b::build);
    }
}
