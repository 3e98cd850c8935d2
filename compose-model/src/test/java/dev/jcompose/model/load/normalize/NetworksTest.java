package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.error;
import static dev.jcompose.model.load.normalize.Normalized.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Service networks, the default network and engine names of top-level networks. */
class NetworksTest {
    @Test
    void defaultNetworkAndNamesAsDockerComposeFillsThem() {
        assertEquals("""
                name: demo
                services:
                  db:
                    image: db
                    network_mode: host
                  web:
                    image: app
                    networks:
                      back:
                        ipv4_address: 172.16.238.10
                        mac_address: 02:42:72:98:65:08
                      front:
                        aliases:
                          - alias1
                      outside: null
                  worker:
                    image: app
                    networks:
                      default: null
                networks:
                  back:
                    name: demo_back
                    driver: overlay
                  default:
                    name: demo_default
                  front:
                    name: custom-front
                  outside:
                    name: real-outside
                    external: true
                """, yaml("""
                services:
                  web:
                    image: app
                    networks:
                      outside:
                      front: {aliases: [alias1]}
                      back: {mac_address: "02:42:72:98:65:08", ipv4_address: 172.16.238.10}
                  worker:
                    image: app
                  db:
                    image: db
                    network_mode: host
                networks:
                  front: {name: custom-front}
                  back: {driver: overlay}
                  outside:
                    external: {name: real-outside}
                """));
    }

    @Test
    void undefinedNetworkAndNetworkModeWithNetworksAreErrors() {
        assertEquals("compose.yaml:4:16 services.web.networks: service \"web\" refers to undefined network front: invalid compose project",
                error("""
                        services:
                          web:
                            image: app
                            networks: [front]
                        """));
        assertEquals("compose.yaml:4:5 services.web.network_mode: service web declares mutually exclusive `network_mode` and `networks`: invalid compose project",
                error("""
                        services:
                          web:
                            image: app
                            network_mode: host
                            networks: [front]
                        networks:
                          front: {}
                        """));
        String svc = error("""
                services:
                  web:
                    image: app
                    network_mode: "service:vpn"
                """);
        assertEquals(true, svc.contains("service \"vpn\" not found for network_mode 'service:vpn'"), svc);
    }

    @Test
    void emptyNetworksStillGetTheDefaultNetwork() {
        assertEquals("""
                name: demo
                services:
                  web:
                    image: app
                    networks:
                      default: null
                networks:
                  default:
                    name: demo_default
                """, yaml("""
                services:
                  web:
                    image: app
                    networks: []
                """));
    }
}
