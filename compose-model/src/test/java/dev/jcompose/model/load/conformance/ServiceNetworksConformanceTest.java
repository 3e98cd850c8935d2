package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jcompose.model.service.ServiceNetwork;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's networks: compose-go override/merge_networks_test.go and loader_test.go (list form, aliases, addresses). */
class ServiceNetworksConformanceTest {
    @TempDir
    Path dir;

    private static final String TOP = """
            networks:
              front-network: {}
              back-network: {}
              network1: {}
              network2: {}
            """;

    @Test
    void sequencesMergeIntoOneMapping() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    networks:
                      - front-network
                      - back-network
                """ + TOP).file("override.yaml", """
                services:
                  test:
                    networks:
                      - front-network
                """);
        assertEquals("""
                networks:
                  back-network: null
                  front-network: null
                """, c.attribute("test", "networks"));
    }

    @Test
    void aliasesAndLinkLocalIpsAreUnitedInOrder() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    networks:
                      network1:
                        aliases:
                          - alias1
                          - alias2
                        link_local_ips:
                          - 57.123.22.11
                          - 57.123.22.13
                      network2:
                        aliases:
                          - alias1
                          - alias3
                """ + TOP).file("override.yaml", """
                services:
                  test:
                    networks:
                      network1:
                        aliases:
                          - alias3
                          - alias1
                        link_local_ips:
                          - 57.123.22.12
                          - 57.123.22.13
                """);
        ServiceNetwork n1 = c.service("test").networking().networks().get("network1");
        assertEquals(List.of("alias1", "alias2", "alias3"), n1.aliases());
        assertEquals(List.of("57.123.22.11", "57.123.22.13", "57.123.22.12"), n1.linkLocalIps());
        assertEquals(List.of("alias1", "alias3"), c.service("test").networking().networks().get("network2").aliases());
    }

    @Test
    void aSequenceAndAMappingMix() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    networks:
                      - front-network
                      - back-network
                      - network1
                """ + TOP).file("override.yaml", """
                services:
                  test:
                    networks:
                      network1:
                        aliases: [alias1]
                      network2:
                        ipv4_address: 172.16.238.10
                """);
        var networks = c.service("test").networking().networks();
        assertEquals(List.of("back-network", "front-network", "network1", "network2"), List.copyOf(new java.util.TreeSet<>(networks.keySet())));
        assertEquals(List.of("alias1"), networks.get("network1").aliases());
        assertEquals("172.16.238.10", networks.get("network2").ipv4Address());
        assertNull(networks.get("front-network").ipv4Address());
    }

    @Test
    void anUndefinedNetworkIsALocatedError() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    networks: [nope]
                """).error();
        assertEquals(true, e.matches(".*compose.yaml:\\d+:\\d+ services.test.networks.*undefined network nope.*"), e);
    }
}
