package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses from the engine's IPAM on real bridges: a container recreated under the same name (as
 * docker compose does: remove, create, start) gets its address back, also after an engine restart;
 * ip_range, gateway and aux addresses are honoured; a static address is what the container's eth0 has.
 */
@Tag("root")
class NetworkAddressRootTest {
    private static final String SHOW = "ip -4 addr show eth0; ip route";
    @TempDir
    Path dir;
    private NetworkTestEngine t;

    @BeforeEach
    void start() throws Exception {
        t = NetworkTestEngine.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void aRecreatedContainerKeepsItsAddressAcrossEngineRestarts() throws Exception {
        t.cli.ok("network", "create", "--subnet", "10.213.7.0/24", "network-sticky");
        t.run("network-a", SHOW, "--network", "network-sticky");
        t.run("network-b", SHOW, "--network", "network-sticky");
        String a = t.ip("network-a", "network-sticky");
        assertEquals("10.213.7.2", a);
        assertEquals("10.213.7.3", t.ip("network-b", "network-sticky"));
        assertTrue(t.output("network-a").contains("inet " + a + "/24"), "the veth has the address");

        t.cli.ok("rm", "-f", "network-a");
        t.run("network-c", SHOW, "--network", "network-sticky");
        assertEquals("10.213.7.4", t.ip("network-c", "network-sticky"), "a newcomer does not take the address kept for network-a");
        t.run("network-a", SHOW, "--network", "network-sticky");
        assertEquals(a, t.ip("network-a", "network-sticky"), "recreated under its name, it gets its address back");

        t.restart();
        assertEquals("running", t.cli.ok("inspect", "--format", "{{.State.Status}}", "network-a"));
        t.cli.ok("stop", "-t", "1", "network-a");
        t.cli.ok("rm", "network-a");
        t.run("network-d", SHOW, "--network", "network-sticky");
        assertNotEquals(a, t.ip("network-d", "network-sticky"), "after a restart the engine still keeps network-a's address");
        t.run("network-a", SHOW, "--network", "network-sticky");
        assertEquals(a, t.ip("network-a", "network-sticky"));
        assertTrue(t.output("network-a").contains("inet " + a + "/24"));
        t.run("network-p", "busybox ping -c 1 -W 2 " + a + " >/dev/null && echo reachable", "--network", "network-sticky");
        assertTrue(t.output("network-p").contains("reachable"), "the recreated container answers at its address");
    }

    @Test
    void ipRangeGatewayAuxAndStaticAddresses() throws Exception {
        t.cli.ok("network", "create", "--subnet", "10.213.8.0/24", "--ip-range", "10.213.8.128/25", "--gateway", "10.213.8.254",
                "--aux-address", "router=10.213.8.128", "network-ranged");
        assertEquals("10.213.8.0/24 10.213.8.128/25 10.213.8.254 map[router:10.213.8.128]", t.cli.ok("network", "inspect", "--format",
                "{{range .IPAM.Config}}{{.Subnet}} {{.IPRange}} {{.Gateway}} {{.AuxiliaryAddresses}}{{end}}", "network-ranged"));
        t.run("network-r1", SHOW, "--network", "network-ranged");
        assertEquals("10.213.8.129", t.ip("network-r1", "network-ranged"), "from the ip_range, past the aux address");
        assertEquals("10.213.8.254", t.cli.ok("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"network-ranged\").Gateway}}", "network-r1"));
        assertTrue(t.output("network-r1").contains("default via 10.213.8.254"), "the gateway is the default route");

        t.cli.ok("stop", "-t", "1", "network-r1");
        assertEquals("", t.ip("network-r1", "network-ranged"), "a stopped container shows no address, as Docker's");
        t.cli.ok("start", "network-r1");
        assertEquals("10.213.8.129", t.ip("network-r1", "network-ranged"), "started again, it has its address back");

        t.run("network-s1", SHOW, "--network", "network-ranged", "--ip", "10.213.8.7");
        assertEquals("10.213.8.7", t.ip("network-s1", "network-ranged"));
        assertTrue(t.output("network-s1").contains("inet 10.213.8.7/24"));
        DockerCli.Result taken = t.cli.run("run", "-d", "--name", "network-s2", "--network", "network-ranged", "--ip", "10.213.8.7",
                "tiny:1", "sleep", "60");
        assertNotEquals(0, taken.code());
        assertTrue(taken.err().contains("Address already in use"), taken.err());
        DockerCli.Result overlap = t.cli.run("network", "create", "--subnet", "10.213.8.0/25", "network-overlap");
        assertNotEquals(0, overlap.code());
        assertTrue(overlap.err().contains("Pool overlaps with other one on this address space"), overlap.err());
    }
}
