package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.attribute;
import static dev.jcompose.model.load.normalize.Normalized.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** depends_on long form, references, cycles and profile-disabled dependencies. */
class DependsOnTest {
    @Test
    void listBecomesMapWithDefaultConditionAndRequired() {
        assertEquals("""
                depends_on:
                  db:
                    condition: service_started
                    required: true
                  redis:
                    condition: service_healthy
                    restart: true
                    required: false
                """, attribute("""
                services:
                  web:
                    image: app
                    depends_on:
                      redis: {required: false, restart: true, condition: service_healthy}
                      db:
                  db: {image: db}
                  redis: {image: redis}
                """, "web", "depends_on"));
    }

    @Test
    void undefinedServiceIsAnError() {
        assertEquals("compose.yaml:4:18 services.web.depends_on.db: service \"web\" depends on undefined service \"db\": invalid compose project",
                error("""
                        services:
                          web:
                            image: app
                            depends_on: [db]
                        """));
    }

    @Test
    void cyclesAreNamedAndSelfDependencyIsOne() {
        assertEquals("compose.yaml:9:18 services.c.depends_on: dependency cycle detected: a -> b -> c -> a", error("""
                services:
                  a:
                    image: x
                    depends_on: [b]
                  b:
                    image: x
                    depends_on: [c]
                  c:
                    depends_on: [a]
                    image: x
                """));
        String self = error("""
                services:
                  a:
                    image: x
                    depends_on: [a]
                """);
        assertEquals(true, self.contains("dependency cycle detected: a -> a"), self);
    }

    @Test
    void disabledDependencyMattersOnlyWhenRequired() {
        NormalizeContext ctx = new NormalizeContext("demo", Normalized.DIR, Map.of(), Set.of("debug"));
        String required = org.junit.jupiter.api.Assertions.assertThrows(dev.jcompose.model.ComposeException.class,
                () -> Normalized.tree("""
                        services:
                          web:
                            image: app
                            depends_on: [debug]
                        """, ctx)).getMessage();
        assertEquals(true, required.contains("depends on service \"debug\" which is disabled by its profiles"), required);
        var ok = Normalized.tree("""
                services:
                  web:
                    image: app
                    depends_on:
                      debug: {condition: service_started, required: false}
                """, ctx);
        assertEquals(1, ((dev.jcompose.model.load.YMap) ok.get("services")).entries().size());
    }

    @Test
    void implicitDependenciesFromNamespacesLinksAndVolumesFrom() {
        assertEquals("""
                depends_on:
                  bar:
                    condition: service_started
                    restart: true
                    required: true
                  baz:
                    condition: service_started
                    restart: true
                    required: true
                  corge:
                    condition: service_started
                    restart: true
                    required: true
                  foo:
                    condition: service_healthy
                    required: true
                  quux:
                    condition: service_started
                    required: true
                  qux:
                    condition: service_started
                    restart: true
                    required: true
                """, attribute("""
                services:
                  test:
                    image: app
                    ipc: service:foo
                    cgroup: service:bar
                    uts: service:baz
                    pid: service:qux
                    volumes_from: [quux]
                    links: [corge]
                    depends_on:
                      foo:
                        condition: service_healthy
                  foo: {image: x}
                  bar: {image: x}
                  baz: {image: x}
                  qux: {image: x}
                  quux: {image: x}
                  corge: {image: x}
                """, "test", "depends_on"));
    }

    @Test
    void composeGoCycleFixturesFailAsComposeGoFailsThem() throws java.io.IOException {
        java.nio.file.Path dir = dev.jcompose.model.SharedCorpus.path("compose-go/loader/testdata");
        String cycle = error(java.nio.file.Files.readString(dir.resolve("compose-depends-on-cycle.yaml")));
        assertEquals(true, cycle.endsWith("dependency cycle detected: service1 -> service2 -> service3 -> service1"), cycle);
        String self = error(java.nio.file.Files.readString(dir.resolve("compose-depends-on-self.yaml")));
        assertEquals(true, self.endsWith("dependency cycle detected: service1 -> service1"), self);
    }
}
