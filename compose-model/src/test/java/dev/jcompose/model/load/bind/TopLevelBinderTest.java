package dev.jcompose.model.load.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.FileObjectConfig;
import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Top-level networks, volumes, secrets and configs. */
class TopLevelBinderTest {
    private static Project bind(String yaml) {
        YMap tree = (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
        return ProjectBinder.bind("demo", Path.of("/srv"), List.of(), tree, n -> "h");
    }

    @Test
    void bindsNetworks() {
        Project p = bind("""
                services: {}
                networks:
                  front:
                    name: demo_front
                    driver: bridge
                    driver_opts: {com.docker.network.bridge.name: br-front}
                    internal: true
                    enable_ipv4: false
                    enable_ipv6: true
                    labels: {a: b}
                    ipam:
                      driver: default
                      options: {foo: bar}
                      config:
                        - {subnet: 172.28.0.0/16, ip_range: 172.28.5.0/24, gateway: 172.28.5.254, aux_addresses: {host1: 172.28.1.5}}
                  outside: {name: shared, external: true}
                """);
        NetworkConfig front = p.networks().get("front");
        assertEquals("demo_front", front.name());
        assertEquals("br-front", front.driverOpts().get("com.docker.network.bridge.name"));
        assertTrue(front.internal());
        assertEquals(Boolean.FALSE, front.enableIpv4());
        assertEquals(Boolean.TRUE, front.enableIpv6());
        assertEquals("default", front.ipamDriver());
        assertEquals("bar", front.ipamOptions().get("foo"));
        NetworkConfig.IpamPool pool = front.ipam().get(0);
        assertEquals("172.28.5.0/24", pool.ipRange());
        assertEquals("172.28.1.5", pool.auxAddresses().get("host1"));
        NetworkConfig outside = p.networks().get("outside");
        assertTrue(outside.external());
        assertEquals("shared", outside.name());
        assertNull(outside.enableIpv4());
        assertFalse(outside.internal());
    }

    @Test
    void bindsSecretsConfigsAndVolumes() {
        Project p = bind("""
                services: {}
                volumes:
                  data: {name: demo_data, driver: local, driver_opts: {type: tmpfs, device: tmpfs}, labels: {x: y}}
                secrets:
                  token: {name: demo_token, environment: TOKEN, template_driver: golang}
                configs:
                  site: {name: demo_site, content: "hello", driver: custom}
                """);
        assertEquals("tmpfs", p.volumes().get("data").driverOpts().get("type"));
        assertEquals("y", p.volumes().get("data").labels().get("x"));
        FileObjectConfig token = p.secrets().get("token");
        assertEquals("TOKEN", token.environment());
        assertEquals("golang", token.templateDriver());
        assertNull(token.file());
        FileObjectConfig site = p.configs().get("site");
        assertEquals("hello", site.content());
        assertEquals("custom", site.driver());
    }

    @Test
    void aWrongTypeInANetworkIsLocated() {
        ComposeException e = assertThrows(ComposeException.class, () -> bind("""
                services: {}
                networks:
                  front:
                    internal: maybe
                """));
        assertEquals("networks.front.internal", e.path());
        assertTrue(e.getMessage().startsWith("compose.yaml:4:"), e.getMessage());
    }
}
