package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-endpoint settings through the real docker CLI, checked from inside the container with
 * busybox's ip: {@code --mac-address} (the endpoint's MacAddress), {@code --link-local-ip}
 * (IPAMConfig.LinkLocalIPs), the MAC derived from the address when none is asked for, and IPv6
 * ({@code --ipv6} with an IPv6 subnet: the container's address, the bridge's gateway, AAAA answers).
 */
@Tag("root")
class NetworkEndpointRootTest {
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

    private String endpoint(String container, String network, String field) throws Exception {
        return t.cli.ok("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + network + "\")." + field + "}}", container);
    }

    @Test
    void macAddressAndLinkLocalIpsAreOnTheInterfaceAndInInspect() throws Exception {
        t.cli.ok("network", "create", "--subnet", "10.213.46.0/24", "network-mac");
        t.run("network-m1", "ip addr show eth0", "--network", "network-mac", "--mac-address", "02:42:de:ad:be:ef",
                "--link-local-ip", "169.254.46.7");
        String inside = t.output("network-m1");
        assertTrue(inside.contains("link/ether 02:42:de:ad:be:ef"), inside);
        assertTrue(inside.contains("inet 169.254.46.7/16"), inside);
        assertTrue(inside.contains("inet 10.213.46.2/24"), inside);
        assertEquals("02:42:de:ad:be:ef", endpoint("network-m1", "network-mac", "MacAddress"));
        assertEquals("[169.254.46.7]", endpoint("network-m1", "network-mac", "IPAMConfig.LinkLocalIPs"));
        assertTrue(t.cli.ok("network", "inspect", "--format", "{{range .Containers}}{{.Name}} {{.MacAddress}};{{end}}", "network-mac")
                .contains("network-m1 02:42:de:ad:be:ef;"));

        t.run("network-m2", "ip addr show eth0", "--network", "network-mac");
        assertTrue(t.output("network-m2").contains("link/ether 02:42:0a:d5:2e:03"), "Docker's MAC from the address");
        assertEquals("02:42:0a:d5:2e:03", endpoint("network-m2", "network-mac", "MacAddress"));
        t.cli.ok("stop", "-t", "1", "network-m2", "network-m1");
        assertEquals("", endpoint("network-m2", "network-mac", "MacAddress"), "a derived MAC is not kept by a stopped container");
        assertEquals("02:42:de:ad:be:ef", endpoint("network-m1", "network-mac", "MacAddress"), "an asked-for MAC is");
        t.cli.ok("start", "network-m1");
        assertTrue(t.logsWith("network-m1", "==done\n").split("link/ether 02:42:de:ad:be:ef", -1).length >= 2, "same MAC after restart");

        t.cli.ok("network", "create", "--subnet", "10.213.48.0/24", "network-mac2");
        t.cli.ok("network", "connect", "--link-local-ip", "169.254.48.9", "network-mac2", "network-m1");
        assertEquals("[169.254.48.9]", endpoint("network-m1", "network-mac2", "IPAMConfig.LinkLocalIPs"));
        String pid = t.cli.ok("inspect", "--format", "{{.State.Pid}}", "network-m1");
        String eth1 = run("nsenter", "-t", pid, "-n", "ip", "-o", "addr", "show", "eth1");
        assertTrue(eth1.contains("inet 169.254.48.9/16") && eth1.contains("inet 10.213.48.2/24"), eth1);
    }

    @Test
    void ipv6AddressGatewayAndAaaa() throws Exception {
        t.cli.ok("network", "create", "--ipv6", "--subnet", "10.213.49.0/24", "--subnet", "fd00:213:49::/64", "network-six");
        assertEquals("true fd00:213:49::1", t.cli.ok("network", "inspect", "--format",
                "{{.EnableIPv6}}{{range .IPAM.Config}}{{if eq .Subnet \"fd00:213:49::/64\"}} {{.Gateway}}{{end}}{{end}}", "network-six"));
        t.run("network-s1", "ip -6 addr show eth0; ip -6 route; ping -6 -c 1 -W 5 fd00:213:49::1 && echo v6-reachable",
                "--network", "network-six", "--ip6", "fd00:213:49::42");
        String inside = t.output("network-s1");
        assertTrue(inside.contains("inet6 fd00:213:49::42/64"), inside);
        assertTrue(inside.contains("default via fd00:213:49::1"), inside);
        assertTrue(inside.contains("v6-reachable"), inside);
        assertEquals("fd00:213:49::42 64 fd00:213:49::1", t.cli.ok("inspect", "--format",
                "{{with index .NetworkSettings.Networks \"network-six\"}}{{.GlobalIPv6Address}} {{.GlobalIPv6PrefixLen}} {{.IPv6Gateway}}{{end}}",
                "network-s1"));
        t.run("network-s2", "nslookup -type=aaaa network-s1 10.213.49.1", "--network", "network-six");
        assertTrue(t.output("network-s2").contains("fd00:213:49::42"), t.output("network-s2"));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
        return out;
    }
}
