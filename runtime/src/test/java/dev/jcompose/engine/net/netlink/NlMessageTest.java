package dev.jcompose.engine.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NlMessageTest {
    @BeforeAll
    static void littleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little-endian");
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    @Test
    void errorMessageCarriesNegativeErrno() {
        // NLMSG_ERROR with error -17 (EEXIST), then the 16-byte header of the failed request
        byte[] d = bytes("24000000 0200 0001 07000000 99000000 efffffff 40000000 1000 0506 07000000 00000000");
        List<NlMessage> ms = NlMessage.parseAll(d, d.length);
        assertEquals(1, ms.size());
        assertEquals(Rtnl.NLMSG_ERROR, ms.get(0).type());
        assertEquals(7, ms.get(0).seq());
        assertEquals(17, ms.get(0).errno());
        NetlinkException e = new NetlinkException("create bridge br0", ms.get(0).errno());
        assertEquals("create bridge br0: File exists (EEXIST)", e.getMessage());
        assertEquals("EEXIST", e.errnoName());
    }

    @Test
    void twoMessagesInOneDatagramAndAck() {
        byte[] d = bytes("24000000 0200 0000 01000000 00000000 00000000 10000000 1000 0500 01000000 00000000"
                + "14000000 0300 0200 02000000 00000000 00000000");
        List<NlMessage> ms = NlMessage.parseAll(d, d.length);
        assertEquals(2, ms.size());
        assertEquals(0, ms.get(0).errno());
        assertEquals(Rtnl.NLMSG_DONE, ms.get(1).type());
        assertEquals(Rtnl.NLM_F_MULTI, ms.get(1).flags());
    }

    @Test
    void linkParsedFromNewlink() {
        byte[] d = bytes("""
                54000000 1000 0200 03000000 00000000
                00 00 0100 05000000 43100100 00000000
                0800 0300 62723000
                0800 0400 dc050000
                0a00 0100 0242ac110001 0000
                0800 0a00 02000000
                1000 1200 0b00 0100 627269646765 0000
                """);
        LinkInfo l = RtNetlink.parseLink(NlMessage.parseAll(d, d.length).get(0));
        assertEquals(new LinkInfo(5, "br0", 1500, 0x11043, Optional.of(MacAddress.parse("02:42:ac:11:00:01")), 2,
                Optional.of("bridge")), l);
        assertEquals(true, l.up());
    }

    @Test
    void truncatedMessageIsRejected() {
        byte[] d = bytes("40000000 1000 0200 03000000 00000000");
        assertThrows(IllegalArgumentException.class, () -> NlMessage.parseAll(d, d.length));
    }

    @Test
    void macAddressText() {
        assertEquals("02:42:ac:11:00:02", MacAddress.parse("02:42:AC:11:00:02").toString());
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("02:42:ac"));
    }
}
