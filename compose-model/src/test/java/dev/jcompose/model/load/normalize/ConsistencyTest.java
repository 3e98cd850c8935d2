package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.error;
import static dev.jcompose.model.load.normalize.Normalized.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.load.YMap;
import org.junit.jupiter.api.Test;

/** References between services: links, volumes_from, configs; and what is allowed. */
class ConsistencyTest {
    @Test
    void linksAndVolumesFromMustNameServices() {
        assertEquals("compose.yaml:4:13 services.web.links[0]: service \"web\" refers to undefined service \"db\" in links: invalid compose project",
                error("""
                        services:
                          web:
                            image: app
                            links: ["db:database"]
                        """));
        assertEquals("compose.yaml:4:20 services.web.volumes_from[0]: service \"web\" refers to undefined service \"data\" in volumes_from: invalid compose project",
                error("""
                        services:
                          web:
                            image: app
                            volumes_from: ["data:ro"]
                        """));
        assertEquals("compose.yaml:4:15 services.web.configs[0]: service \"web\" refers to undefined config cfg: invalid compose project",
                error("""
                        services:
                          web:
                            image: app
                            configs: [cfg]
                        """));
    }

    @Test
    void validReferencesPass() {
        YMap t = tree("""
                services:
                  web:
                    image: app
                    links: ["db:database"]
                    volumes_from: ["db", "container:abc"]
                    depends_on: {db: {condition: service_healthy}}
                    container_name: web-1
                  db:
                    image: db
                    network_mode: "service:vpn"
                    deploy: {replicas: 1}
                    container_name: db-1
                    scale: 1
                  vpn:
                    image: vpn
                """);
        assertEquals(3, ((YMap) t.get("services")).entries().size());
    }
}
