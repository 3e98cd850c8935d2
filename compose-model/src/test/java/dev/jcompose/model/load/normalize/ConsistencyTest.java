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

    @Test
    void composeGoServiceRules() {
        assertEquals("compose.yaml:3:5 services.web: service \"web\" has neither an image nor a build context specified: invalid compose project",
                error("""
                        services:
                          web:
                            restart: always
                        """));
        assertEquals("compose.yaml:4:26 services.web.healthcheck.test: healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"",
                error("""
                        services:
                          web:
                            image: app
                            healthcheck: {test: [curl, localhost]}
                        """));
        assertEquals("compose.yaml:4:16 services.web.mem_limit: services.web: can't set distinct values on 'mem_limit' and "
                + "'deploy.resources.limits.memory': invalid compose project", error("""
                        services:
                          web:
                            image: app
                            mem_limit: 1g
                            deploy: {resources: {limits: {memory: 2g}}}
                        """));
        assertEquals(1, ((YMap) tree("""
                services:
                  web:
                    image: app
                    mem_limit: 1g
                    cpus: 0.5
                    deploy: {resources: {limits: {memory: 1024m, cpus: "0.50"}}}
                """).get("services")).entries().size(), "equal values written differently agree");
        assertEquals("compose.yaml:3:15 services.web.platform: service.build.platforms MUST include service.platform \"linux/arm64\": "
                + "invalid compose project", error("""
                        services:
                          web:
                            platform: linux/arm64
                            build: {context: ., platforms: [linux/amd64]}
                        """));
    }

    @Test
    void secretsNeedAFileOrAnEnvironmentVariableAndBuildSecretsMustExist() {
        assertEquals("compose.yaml:4:3 secrets.token: secret \"token\" must declare either `file` or `environment`: invalid compose project",
                error("""
                        services:
                          web: {image: app}
                        secrets:
                          token: {labels: {a: b}}
                        """));
        String e = error("""
                services:
                  web:
                    build: {context: ., secrets: [npmrc]}
                """);
        assertEquals(true, e.endsWith("service \"web\" refers to undefined build secret npmrc: invalid compose project"), e);
    }
}
