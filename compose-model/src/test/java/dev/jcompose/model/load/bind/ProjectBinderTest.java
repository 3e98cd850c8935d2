package dev.jcompose.model.load.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.service.ServicePort;
import dev.jcompose.model.service.ServiceVolume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding hand-written normalised trees (the shape docker compose config prints) into records. */
class ProjectBinderTest {
    private static Project bind(String yaml) {
        YMap tree = (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
        return ProjectBinder.bind("demo", Path.of("/srv/demo"), List.of("/srv/demo/compose.yaml"), tree, name -> "hash-" + name);
    }

    @Test
    void bindsProcessLifecycleAndResources() {
        Service web = bind("""
                services:
                  web:
                    image: nginx
                    command: [nginx, -g, daemon off;]
                    environment: {A: "1", B: ""}
                    stop_grace_period: 1m30s
                    mem_limit: "536870912"
                    cpus: 0.5
                    ulimits: {nofile: {soft: 1024, hard: 2048}}
                    healthcheck: {test: [CMD, curl, -f, localhost], interval: 10s, timeout: 1.5s, retries: 3}
                    depends_on: {db: {condition: service_healthy, restart: true, required: true}}
                    deploy: {replicas: 3}
                  db:
                    image: postgres
                """).services().get("web");
        assertEquals("nginx", web.image());
        assertEquals("hash-web", web.configHash());
        assertEquals(List.of("nginx", "-g", "daemon off;"), web.process().command());
        assertNull(web.process().entrypoint(), "unset entrypoint means the image's");
        assertEquals("1", web.process().environment().get("A"));
        assertEquals("", web.process().environment().get("B"));
        assertEquals(Duration.ofSeconds(90), web.process().stopGracePeriod());
        assertEquals(1024L, web.process().ulimits().get("nofile").soft());
        assertEquals(2048L, web.process().ulimits().get("nofile").hard());
        assertEquals(512L * 1024 * 1024, web.resources().memLimit());
        assertEquals(0.5, web.resources().cpus());
        assertEquals(Duration.ofSeconds(10), web.lifecycle().healthcheck().interval());
        assertEquals(Duration.ofMillis(1500), web.lifecycle().healthcheck().timeout());
        assertEquals(3, web.lifecycle().healthcheck().retries());
        assertFalse(web.lifecycle().healthcheck().disable());
        assertEquals("service_healthy", web.lifecycle().dependsOn().get("db").condition());
        assertTrue(web.lifecycle().dependsOn().get("db").restart());
        assertEquals(3, web.lifecycle().replicas());
    }

    @Test
    void bindsPortsVolumesAndTopLevelObjects() {
        Project p = bind("""
                name: demo
                services:
                  app:
                    image: app
                    ports:
                      - {mode: ingress, host_ip: 127.0.0.1, target: 80, published: "8080", protocol: tcp}
                      - {mode: ingress, target: 53, published: 5300-5301, protocol: udp}
                    volumes:
                      - {type: bind, source: /srv/demo/site, target: /site, read_only: true, bind: {create_host_path: true}}
                      - {type: volume, source: cache, target: /cache, volume: {nocopy: true}}
                    networks: {back: {aliases: [database], ipv4_address: 10.5.0.5, interface_name: back0}}
                networks:
                  back: {name: demo_back, ipam: {config: [{subnet: 10.5.0.0/16, gateway: 10.5.0.1}]}}
                volumes:
                  cache: {name: demo_cache}
                secrets:
                  token: {name: demo_token, file: /srv/demo/token.txt}
                """);
        Service app = p.services().get("app");
        ServicePort http = app.networking().ports().get(0);
        assertEquals("127.0.0.1", http.hostIp());
        assertEquals(80, http.target());
        assertEquals("8080", http.published());
        ServicePort dns = app.networking().ports().get(1);
        assertEquals("udp", dns.protocol());
        assertEquals("5300-5301", dns.published());
        ServiceVolume site = app.storage().volumes().get(0);
        assertEquals("bind", site.type());
        assertTrue(site.readOnly());
        assertTrue(site.bind().createHostPath());
        ServiceVolume cache = app.storage().volumes().get(1);
        assertEquals("cache", cache.source());
        assertTrue(cache.volume().nocopy());
        assertEquals(List.of("database"), app.networking().networks().get("back").aliases());
        assertEquals("10.5.0.5", app.networking().networks().get("back").ipv4Address());
        assertEquals("back0", app.networking().networks().get("back").interfaceName());
        assertEquals("10.5.0.0/16", p.networks().get("back").ipam().get(0).subnet());
        assertEquals("10.5.0.1", p.networks().get("back").ipam().get(0).gateway());
        assertEquals("bridge", p.networks().get("back").driver());
        assertEquals("demo_cache", p.volumes().get("cache").name());
        assertEquals("local", p.volumes().get("cache").driver());
        assertEquals("/srv/demo/token.txt", p.secrets().get("token").file());
    }

    @Test
    void bindsRuntimeOptionsAndHooks() {
        Service web = bind("""
                services:
                  web:
                    image: nginx
                    runtime: runc
                    storage_opt: {size: 1G}
                    post_start:
                      - {command: [sh, -c, echo up], user: root, privileged: true, environment: {X: "1"}}
                    pre_stop:
                      - {command: [sh, -c, echo bye], working_dir: /tmp}
                """).services().get("web");
        assertEquals("runc", web.options().runtime());
        assertNull(web.options().isolation());
        assertEquals("1G", web.options().storageOpt().get("size"));
        assertEquals(List.of("sh", "-c", "echo up"), web.options().postStart().get(0).command());
        assertTrue(web.options().postStart().get(0).privileged());
        assertEquals("root", web.options().postStart().get(0).user());
        assertEquals("1", web.options().postStart().get(0).environment().get("X"));
        assertEquals("/tmp", web.options().preStop().get(0).workingDir());
        assertFalse(web.options().preStop().get(0).privileged());
    }

    @Test
    void aWrongTypeIsALocatedComposeException() {
        ComposeException e = assertThrows(ComposeException.class, () -> bind("""
                services:
                  web:
                    image: nginx
                    cap_add: {NET_ADMIN: true}
                """));
        assertEquals("services.web.cap_add", e.path());
        assertEquals(4, e.mark().line());
        assertTrue(e.getMessage().startsWith("compose.yaml:4:"), e.getMessage());
    }

    @Test
    void badScalarsAreLocatedComposeExceptions() {
        ComposeException duration = assertThrows(ComposeException.class, () -> bind("""
                services:
                  web:
                    image: nginx
                    stop_grace_period: soon
                """));
        assertEquals("services.web.stop_grace_period", duration.path());
        assertEquals(4, duration.mark().line());
        ComposeException port = assertThrows(ComposeException.class, () -> bind("""
                services:
                  web:
                    image: nginx
                    ports: [{target: http}]
                """));
        assertTrue(port.getMessage().contains("services.web.ports[0]"), port.getMessage());
        ComposeException size = assertThrows(ComposeException.class, () -> bind("""
                services:
                  web:
                    image: nginx
                    mem_limit: lots
                """));
        assertEquals("services.web.mem_limit", size.path());
        ComposeException replicas = assertThrows(ComposeException.class, () -> bind("""
                services:
                  web:
                    image: nginx
                    deploy: {replicas: -1}
                """));
        assertTrue(replicas.getMessage().contains("negative"), replicas.getMessage());
        ComposeException missing = assertThrows(ComposeException.class, () -> bind("""
                services:
                  web:
                    restart: always
                """));
        assertTrue(missing.getMessage().contains("neither an image nor a build"), missing.getMessage());
    }
}
