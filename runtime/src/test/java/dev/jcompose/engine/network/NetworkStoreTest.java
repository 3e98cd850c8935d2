package dev.jcompose.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.ipam.Subnet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's use of the IPAM: default pools, ipam.config, sticky addresses by container name, state across reopening. */
class NetworkStoreTest {
    @TempDir
    Path dir;

    private NetworkStore open(Subnet... routed) throws Exception {
        return new NetworkStore(dir, Clock.systemUTC(), () -> List.of(routed));
    }

    @Test
    void userNetworksSkipTheBridgeSubnetAndRoutedOnes() throws Exception {
        NetworkStore s = open(Subnet.of("172.18.0.0/16"));
        assertEquals("172.19.0.0/16", s.create("a_default", null, false, false, false, null, null, null).ipam().config().get(0).subnet());
        assertEquals("172.20.0.1", s.create("b_default", null, false, false, false, List.of(), null, null).ipam().config().get(0).gateway());
    }

    @Test
    void configuredPoolsAreRecordedAsDockerShowsThem() throws Exception {
        NetworkStore s = open();
        NetworkRecord n = s.create("n", "bridge", false, false, false,
                List.of(new NetworkRecord.Pool("10.9.0.0/24", "10.9.0.64/26", null, Map.of("r", "10.9.0.65"))), null, null);
        assertEquals(new NetworkRecord.Pool("10.9.0.0/24", "10.9.0.64/26", "10.9.0.1", Map.of("r", "10.9.0.65")), n.ipam().config().get(0));
        assertEquals("10.9.0.64", s.allocate(n, "p-web-1", null).ipv4(), "the range's first address, as Docker gives");
        assertEquals("10.9.0.66", s.allocate(n, "p-db-1", null).ipv4(), "past the aux address");
        NetworkException overlap = assertThrows(NetworkException.class, () -> s.create("m", null, false, false, false,
                List.of(new NetworkRecord.Pool("10.9.0.128/25", null, null, null)), null, null));
        assertEquals(403, overlap.status());
        NetworkException gateway = assertThrows(NetworkException.class, () -> s.create("g", null, false, false, false,
                List.of(new NetworkRecord.Pool("10.8.0.0/24", null, "10.7.0.1", null)), null, null));
        assertEquals(400, gateway.status());
        assertTrue(gateway.getMessage().contains("invalid gateway 10.7.0.1"), gateway.getMessage());
    }

    @Test
    void addressesAreStickyByNameAndSurviveReopening() throws Exception {
        NetworkStore s = open();
        NetworkRecord n = s.create("n", null, false, false, false, List.of(new NetworkRecord.Pool("10.9.1.0/24", null, null, null)), null, null);
        assertEquals("10.9.1.2", s.allocate(n, "p-web-1", null).ipv4());
        assertEquals("10.9.1.3", s.allocate(n, "p-db-1", null).ipv4());
        s.release(n, "p-web-1");

        NetworkStore again = open();
        NetworkRecord same = again.find("n");
        assertEquals(n, same);
        assertNotEquals("10.9.1.2", again.allocate(same, "p-cache-1", null).ipv4(), "kept for p-web-1");
        assertEquals("10.9.1.2", again.allocate(same, "p-web-1", null).ipv4());
        NetworkException taken = assertThrows(NetworkException.class, () -> again.allocate(same, "other", "10.9.1.3"));
        assertTrue(taken.getMessage().contains("Address already in use"), taken.getMessage());
        again.remove("n", List.of());
        assertEquals("10.9.1.0/24", open().create("n2", null, false, false, false,
                List.of(new NetworkRecord.Pool("10.9.1.0/24", null, null, null)), null, null).ipam().config().get(0).subnet(),
                "a removed network's subnet is free again");
    }

    @Test
    void anAddressHeldUnderAnOldNameCanBeFreed() throws Exception {
        NetworkStore s = open();
        NetworkRecord n = s.create("n", null, false, false, false, List.of(new NetworkRecord.Pool("10.9.2.0/30", null, null, null)), null, null);
        assertEquals("10.9.2.2", s.allocate(n, "before-rename", null).ipv4());
        assertThrows(NetworkException.class, () -> s.allocate(n, "someone-else", null), "the /30 has one container address");
        s.releaseAddress(n, "10.9.2.2");
        assertEquals("10.9.2.2", s.allocate(n, "someone-else", null).ipv4());
    }
}
