package dev.jcompose.model.load.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.assemble.ProjectOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed model bound from normalised trees, and every awesome-compose project loading into it. */
class ProjectBindingTest {
    private static final Path AWESOME = dev.jcompose.model.SharedCorpus.path("awesome-compose");

    @TempDir
    Path dir;

    private Project load(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(ProjectOptions.discover(dir, Map.of("HOME", "/root"))).project();
    }

    @Test
    void bindsTheAttributesFamilies() throws IOException {
        Project p = load("""
                name: typed
                services:
                  web:
                    image: nginx
                    command: nginx -g "daemon off;"
                    environment: [A=1]
                    ports: ["127.0.0.1:8080:80"]
                    volumes: ["./site:/usr/share/nginx/html:ro", "cache:/var/cache"]
                    depends_on: {db: {condition: service_healthy}}
                    healthcheck: {test: "curl -f localhost", interval: 90s, retries: 3}
                    stop_grace_period: 1m
                    mem_limit: 512m
                    cpus: 0.5
                    ulimits: {nofile: 1024}
                    cap_add: [NET_ADMIN]
                    restart: on-failure:3
                    deploy: {replicas: 2}
                  db:
                    image: postgres
                    networks: {back: {aliases: [database], ipv4_address: 10.5.0.5}}
                networks:
                  back: {ipam: {config: [{subnet: 10.5.0.0/16}]}}
                volumes:
                  cache:
                """);
        Service web = p.service("web");
        assertEquals(List.of("nginx", "-g", "daemon off;"), web.process().command());
        assertNull(web.process().entrypoint());
        assertEquals(Map.of("A", "1"), web.process().environment());
        assertEquals("127.0.0.1", web.networking().ports().get(0).hostIp());
        assertEquals(80, web.networking().ports().get(0).target());
        assertEquals("8080", web.networking().ports().get(0).published());
        assertEquals(dir.resolve("site").toString(), web.storage().volumes().get(0).source());
        assertTrue(web.storage().volumes().get(0).readOnly());
        assertEquals("volume", web.storage().volumes().get(1).type());
        assertEquals("service_healthy", web.lifecycle().dependsOn().get("db").condition());
        assertEquals(Duration.ofSeconds(90), web.lifecycle().healthcheck().interval());
        assertEquals(List.of("CMD-SHELL", "curl -f localhost"), web.lifecycle().healthcheck().test());
        assertEquals(Duration.ofMinutes(1), web.process().stopGracePeriod());
        assertEquals(512L << 20, web.resources().memLimit());
        assertEquals(0.5, web.resources().cpus());
        assertEquals(1024, web.process().ulimits().get("nofile").hard());
        assertEquals(2, web.lifecycle().replicas());
        assertEquals("on-failure:3", web.lifecycle().restart());
        assertEquals(64, web.configHash().length());
        assertEquals(List.of("default"), List.copyOf(web.networking().networks().keySet()));
        assertEquals(List.of("database"), p.service("db").networking().networks().get("back").aliases());
        assertEquals("10.5.0.0/16", p.networks().get("back").ipam().get(0).subnet());
        assertEquals("typed_cache", p.volumes().get("cache").name());
        assertEquals("typed_default", p.networks().get("default").name());
    }

    @Test
    void wrongTypesAreLocatedErrors() throws IOException {
        ComposeException e = assertThrows(ComposeException.class, () -> load("""
                services:
                  web:
                    image: nginx
                    deploy:
                      replicas: two
                """));
        assertEquals(dir.resolve("compose.yaml") + ":5:17 services.web.deploy.replicas: must be an integer, not \"two\"", e.getMessage());
        ComposeException r = assertThrows(ComposeException.class, () -> load("services:\n  web:\n    image: x\n    restart: sometimes\n"));
        assertTrue(r.getMessage().contains("invalid restart policy \"sometimes\""), r.getMessage());
    }

    @Test
    void everyAwesomeComposeProjectLoadsAndBinds() throws IOException {
        int loaded = 0;
        try (Stream<Path> dirs = Files.list(AWESOME)) {
            for (Path d : dirs.sorted().toList()) {
                if (Stream.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml").noneMatch(f -> Files.exists(d.resolve(f)))) {
                    continue;
                }
                Project p = ComposeLoader.load(ProjectOptions.discover(d, Map.of("HOME", "/root"))).project();
                assertTrue(!p.services().isEmpty(), d.toString());
                loaded++;
            }
        }
        assertTrue(loaded >= 30, "awesome-compose has more than 30 projects; loaded " + loaded);
    }
}
