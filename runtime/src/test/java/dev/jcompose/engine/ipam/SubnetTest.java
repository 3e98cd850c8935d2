package dev.jcompose.engine.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubnetTest {
    @Test
    void checksItselfOnConstruction() {
        assertTrue(assertThrows(IpamException.class, () -> Subnet.of("10.0.0.1/24")).getMessage().contains("host bits"));
        assertThrows(IpamException.class, () -> Subnet.of("10.0.0.0/33"));
        assertThrows(IpamException.class, () -> Subnet.of("10.0.0.0"));
        assertThrows(IpamException.class, () -> Subnet.of("example.com/24"));
        assertEquals(24, Subnet.of("10.0.0.0/24").prefix());
        assertTrue(Subnet.of("fd00:1::/64").ipv6());
    }

    @Test
    void containsAndOverlaps() {
        Subnet a = Subnet.of("172.18.0.0/16");
        assertTrue(a.contains("172.18.255.254"));
        assertFalse(a.contains("172.19.0.1"));
        assertFalse(a.contains("fd00::1"));
        assertTrue(a.overlaps(Subnet.of("172.18.4.0/24")));
        assertTrue(Subnet.of("172.16.0.0/12").overlaps(a));
        assertFalse(a.overlaps(Subnet.of("172.19.0.0/16")));
        assertEquals("172.18.1.0", a.address(BigInteger.valueOf(256)));
        assertEquals("fd00:1::2", Subnet.of("fd00:1::/64").address(BigInteger.TWO));
    }

    @Test
    void defaultPoolsInDockersOrder() {
        List<Subnet> c = DefaultPools.candidates(DefaultPools.DOCKER);
        assertEquals("172.17.0.0/16", c.get(0).cidr());
        assertEquals("172.31.0.0/16", c.get(14).cidr());
        assertEquals("192.168.0.0/20", c.get(15).cidr());
        assertEquals("192.168.16.0/20", c.get(16).cidr());
        assertEquals(15 + 16, c.size());
    }

    @Test
    void parsesProcRoutes(@TempDir Path dir) throws Exception {
        Path r4 = dir.resolve("route");
        Files.writeString(r4, """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth0\t00000000\t0102A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
                eth0\t0000A8C0\t00000000\t0001\t0\t0\t0\t00F0FFFF\t0\t0\t0
                docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
                """);
        Path r6 = dir.resolve("ipv6_route");
        Files.writeString(r6, """
                fd000000000000010000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0
                00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
                """);
        List<Subnet> routes = new ProcHostRoutes(r4, r6).routes();
        assertEquals(List.of(Subnet.of("192.168.0.0/20"), Subnet.of("172.17.0.0/16"), Subnet.of("fd00:0:0:1::/64")), routes);
    }

    @Test
    void readsThisHostsRoutesWithoutFailing() {
        assertTrue(new ProcHostRoutes().routes().stream().allMatch(s -> s.prefix() > 0));
    }
}
