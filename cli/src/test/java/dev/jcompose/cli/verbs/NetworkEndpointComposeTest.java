package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose's per-network settings on real containers, seen from inside with busybox's ip: the
 * service's {@code mac_address} on its first network and a network's own {@code mac_address},
 * {@code link_local_ips}, {@code ipv6_address} on an {@code enable_ipv6} network with an IPv6
 * subnet, and the bridge name from {@code driver_opts}, gone after {@code down}.
 */
@Tag("root")
class NetworkEndpointComposeTest {
    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void start() throws Exception {
        cli = CliFixture.start(dir);
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    void macLinkLocalAndIpv6FromTheComposeFile() throws Exception {
        cli.compose("""
                name: netep
                services:
                  web:
                    image: tiny:1
                    init: true
                    command: ["sleep", "600"]
                    mac_address: 02:42:c0:ff:ee:01
                    networks:
                      front:
                        link_local_ips: [169.254.50.5]
                      six:
                        ipv6_address: fd00:213:51::50
                        mac_address: 02:42:c0:ff:ee:02
                networks:
                  front:
                    driver_opts:
                      com.docker.network.bridge.name: jcnetep50
                    ipam:
                      config:
                        - subnet: 10.213.50.0/24
                  six:
                    enable_ipv6: true
                    ipam:
                      config:
                        - subnet: 10.213.51.0/24
                        - subnet: fd00:213:51::/64
                """);
        cli.ok("up", "-d");
        assertTrue(Files.isDirectory(Path.of("/sys/class/net/jcnetep50/bridge")), "the bridge is named by driver_opts");
        String eth0 = cli.ok("exec", "web", "ip", "addr", "show", "eth0");
        assertTrue(eth0.contains("link/ether 02:42:c0:ff:ee:01"), eth0);
        assertTrue(eth0.contains("inet 10.213.50.2/24") && eth0.contains("inet 169.254.50.5/16"), eth0);
        String eth1 = cli.ok("exec", "web", "ip", "addr", "show", "eth1");
        assertTrue(eth1.contains("link/ether 02:42:c0:ff:ee:02"), eth1);
        assertTrue(eth1.contains("inet6 fd00:213:51::50/64"), eth1);
        assertTrue(cli.ok("exec", "web", "busybox", "ping", "-6", "-c", "1", "-W", "5", "fd00:213:51::1").contains("1 packets received"));
        cli.ok("down", "-t", "1");
        assertFalse(Files.exists(Path.of("/sys/class/net/jcnetep50")), "down removes the bridge");
    }
}
