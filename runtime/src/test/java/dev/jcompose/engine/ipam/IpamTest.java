package dev.jcompose.engine.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpamTest {
    @TempDir
    Path state;

    private Ipam ipam(Subnet... routed) {
        return new Ipam(state, () -> List.of(routed));
    }

    @Test
    void defaultPoolsSkipHostRoutesAndOtherNetworks() {
        Ipam ipam = ipam(Subnet.of("172.17.0.0/16"), Subnet.of("172.18.4.0/24"));
        assertEquals("172.19.0.0/16", ipam.createNetwork("a_default", "id-a", List.of()).pools().get(0).subnet());
        assertEquals("172.20.0.0/16", ipam.createNetwork("b_default", "id-b", List.of()).pools().get(0).subnet());
        assertEquals("172.20.0.1", ipam.network("b_default").orElseThrow().pools().get(0).gateway());
    }

    @Test
    void defaultPoolsExhausted() {
        Ipam ipam = new Ipam(state, HostRoutes.NONE, List.of(new DefaultPools.Pool(Subnet.of("10.9.0.0/23"), 24)));
        ipam.createNetwork("a", "1", List.of());
        ipam.createNetwork("b", "2", List.of());
        IpamException e = assertThrows(IpamException.class, () -> ipam.createNetwork("c", "3", List.of()));
        assertTrue(e.getMessage().contains("non-overlapping IPv4 address pool"), e.getMessage());
    }

    @Test
    void configuredSubnetMayNotOverlapAnotherNetwork() {
        Ipam ipam = ipam();
        ipam.createNetwork("a", "1", List.of(PoolConfig.of("10.5.0.0/16")));
        IpamException e = assertThrows(IpamException.class, () -> ipam.createNetwork("b", "2", List.of(PoolConfig.of("10.5.3.0/24"))));
        assertTrue(e.getMessage().contains("Pool overlaps with other one on this address space"), e.getMessage());
    }

    @Test
    void rangeGatewayAndAuxAddressesAreHonoured() {
        Ipam ipam = ipam();
        ipam.createNetwork("n", "1", List.of(new PoolConfig("10.7.0.0/24", "10.7.0.0/30", "10.7.0.2",
                Map.of("router", "10.7.0.1"))));
        // 10.7.0.0 network, .1 aux, .2 gateway: only .3 is left in the /30 range
        Assignment a = ipam.allocate("n", "p/web/1", null, null);
        assertEquals("10.7.0.3", a.ipv4());
        assertEquals(24, a.ipv4Prefix());
        assertEquals("10.7.0.2", a.gateway4());
        IpamException e = assertThrows(IpamException.class, () -> ipam.allocate("n", "p/web/2", null, null));
        assertEquals("no available IPv4 addresses on this network's address pools: n (1)", e.getMessage());
    }

    @Test
    void gatewayOutsideTheSubnetIsRefused() {
        assertThrows(IpamException.class, () -> ipam().createNetwork("n", "1",
                List.of(new PoolConfig("10.7.0.0/24", null, "10.8.0.1", Map.of()))));
        assertThrows(IpamException.class, () -> ipam().createNetwork("n", "1",
                List.of(new PoolConfig("10.7.0.0/24", "10.6.0.0/28", null, Map.of()))));
    }

    @Test
    void staticAddressesHonouredOrRefused() {
        Ipam ipam = ipam();
        ipam.createNetwork("n", "1", List.of(PoolConfig.of("10.8.0.0/24")));
        assertEquals("10.8.0.50", ipam.allocate("n", "p/db/1", "10.8.0.50", null).ipv4());
        assertTrue(assertThrows(IpamException.class, () -> ipam.allocate("n", "p/web/1", "10.8.0.50", null))
                .getMessage().contains("Address already in use"));
        assertTrue(assertThrows(IpamException.class, () -> ipam.allocate("n", "p/web/1", "10.8.0.1", null))
                .getMessage().contains("Address already in use"));
        assertTrue(assertThrows(IpamException.class, () -> ipam.allocate("n", "p/web/1", "10.9.0.5", null))
                .getMessage().contains("does not belong"));
        assertEquals("10.8.0.2", ipam.allocate("n", "p/web/1", null, null).ipv4());
    }

    @Test
    void recreatedContainerGetsItsAddressBack() {
        Ipam ipam = ipam();
        ipam.createNetwork("n", "1", List.of(PoolConfig.of("10.8.0.0/24")));
        String web = ipam.allocate("n", "p/web/1", null, null).ipv4();
        String db = ipam.allocate("n", "p/db/1", null, null).ipv4();
        assertEquals(web, ipam.allocate("n", "p/web/1", null, null).ipv4(), "asking twice returns the held address");
        ipam.release("n", "p/web/1");
        String other = ipam.allocate("n", "p/cache/1", null, null).ipv4();
        assertNotEquals(web, other, "a released address is kept for its owner while others are free");
        assertEquals(web, ipam.allocate("n", "p/web/1", null, null).ipv4());
        assertNotEquals(db, other);
    }

    @Test
    void ipv6PoolAlongsideIpv4() {
        Ipam ipam = ipam();
        ipam.createNetwork("n", "1", List.of(PoolConfig.of("fd00:5::/64"), PoolConfig.of("10.8.0.0/24")));
        Assignment a = ipam.allocate("n", "k", null, "fd00:5::10");
        assertEquals("10.8.0.2", a.ipv4());
        assertEquals("fd00:5::10", a.ipv6());
        assertEquals("fd00:5::1", a.gateway6());
        assertEquals("fd00:5::2", ipam.allocate("n", "k2", null, null).ipv6());
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        Ipam first = ipam();
        first.createNetwork("demo_default", "abc", List.of(PoolConfig.of("10.8.0.0/24")));
        String web = first.allocate("demo_default", "demo/web/1", null, null).ipv4();
        first.allocate("demo_default", "demo/db/1", null, null);
        first.release("demo_default", "demo/web/1");
        assertTrue(Files.exists(state.resolve("demo_default.json")));
        try (var files = Files.list(state)) {
            assertEquals(List.of("demo_default.journal", "demo_default.json"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temp file left behind");
        }

        Ipam second = ipam();
        assertEquals(first.networks(), second.networks());
        assertEquals(web, second.allocate("demo_default", "demo/web/1", null, null).ipv4());
        assertThrows(IpamException.class, () -> second.createNetwork("x", "2", List.of(PoolConfig.of("10.8.0.0/25"))));
        second.removeNetwork("demo_default");
        assertTrue(ipam().networks().isEmpty());
    }

    @Test
    void anAllocationAppendsToTheJournalAndARestartFoldsItIntoTheSnapshot() throws Exception {
        Ipam first = ipam();
        first.createNetwork("j", "1", List.of(PoolConfig.of("10.8.1.0/24"), PoolConfig.of("fd00:8::/64")));
        String snapshot = Files.readString(state.resolve("j.json"));
        first.allocate("j", "p/a/1", null, null);
        first.allocate("j", "p/b/1", "10.8.1.77", null);
        first.release("j", "p/a/1");
        assertEquals(snapshot, Files.readString(state.resolve("j.json")), "the snapshot is not rewritten per allocation");
        assertEquals(5, Files.readAllLines(state.resolve("j.journal")).size(), "two pools per allocation, one line per release");

        Ipam second = ipam();
        assertEquals(first.networks(), second.networks());
        assertTrue(Files.notExists(state.resolve("j.journal")), "loading folds the journal into a new snapshot");
        assertEquals(first.networks(), ipam().networks());
        assertEquals("10.8.1.2", second.allocate("j", "p/a/1", null, null).ipv4(), "the released address is still sticky");
    }

    @Test
    void aTornLastLineIsIgnoredAndAStaleJournalOverItsOwnSnapshotChangesNothing() throws Exception {
        Ipam first = ipam();
        first.createNetwork("t", "1", List.of(PoolConfig.of("10.8.2.0/24")));
        first.allocate("t", "p/a/1", null, null);
        first.allocate("t", "p/b/1", null, null);
        first.release("t", "p/a/1");
        first.allocate("t", "p/c/1", null, null);
        String journal = Files.readString(state.resolve("t.journal"));
        Files.writeString(state.resolve("t.journal"), journal + "{\"op\":\"assign\",\"pool\":0,\"addr");
        assertEquals(first.networks(), ipam().networks(), "a crash in the middle of an append loses only that change");

        // a crash after the new snapshot's rename, before the journal's deletion: the journal is replayed over the state it led to
        Files.writeString(state.resolve("t.journal"), journal);
        assertEquals(first.networks(), ipam().networks());
    }

    @Test
    void aLongJournalIsCompacted() throws Exception {
        Ipam ipam = ipam();
        ipam.createNetwork("c", "1", List.of(PoolConfig.of("10.8.3.0/24")));
        for (int i = 0; i < IpamStore.COMPACT_AFTER / 2 + 5; i++) {
            ipam.allocate("c", "p/x/1", null, null);
            ipam.release("c", "p/x/1");
        }
        assertTrue(Files.readAllLines(state.resolve("c.journal")).size() < 20, "the journal started again after a snapshot");
        assertEquals(ipam.networks(), ipam().networks());
    }
}
