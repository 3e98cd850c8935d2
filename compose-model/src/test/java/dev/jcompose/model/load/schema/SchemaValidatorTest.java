package dev.jcompose.model.load.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The bundled Compose Specification schema: its verdicts, and one located line per bad file. */
class SchemaValidatorTest {
    private static YMap read(String yaml) {
        return (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
    }

    private static String error(String yaml) {
        return assertThrows(ComposeException.class, () -> SchemaValidator.validate(read(yaml))).getMessage();
    }

    @Test
    void goodFilesPass() {
        assertDoesNotThrow(() -> SchemaValidator.validate(read("""
                name: demo
                services:
                  web:
                    image: nginx
                    ports: ["8080:80", {target: 81, published: 8081}, {target: 82, published: "8082"}, 9000]
                    environment: {A: 1, B: true, C: null}
                    depends_on: {db: {condition: service_healthy, restart: true}}
                    healthcheck: {test: [CMD, "true"], interval: 10s}
                    deploy: {resources: {limits: {cpus: 0.5, memory: 1g}}}
                    x-anything: {whatever: 1}
                  db:
                    image: postgres
                    volumes: [data:/var/lib/postgresql/data]
                volumes:
                  data:
                x-common: &common {a: 1}
                """)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "services:\\n  web:\\n    imagee: nginx\\n|compose.yaml:3:5 services.web: additional property \"imagee\" is not allowed",
        "services:\\n  web:\\n    image: [nginx]\\n|compose.yaml:3:12 services.web.image: must be a string, not a list",
        "services:\\n  web:\\n    image: nginx\\n    ports: [true]\\n|compose.yaml:4:13 services.web.ports[0]: must be a number, a string or a mapping, not a boolean",
        "services:\\n  web:\\n    image: nginx\\n    restart: 5\\n|compose.yaml:4:14 services.web.restart: must be a string, not an integer",
        "services:\\n  web:\\n    image: nginx\\n    environment: 5\\n|compose.yaml:4:18 services.web.environment: must be a mapping or a list, not an integer",
        "services:\\n  web:\\n    image: nginx\\n    networks: {front: {aliases: x}}\\n|compose.yaml:4:33 services.web.networks.front.aliases: must be a list, not a string",
        "services:\\n  web:\\n    image: nginx\\n    ulimits: {nofile: {soft: 1}}\\n|compose.yaml:4:15 services.web.ulimits.nofile: missing required property \"hard\"",
        "volumes:\\n  data:\\n    drivr: local\\n|compose.yaml:3:5 volumes.data: additional property \"drivr\" is not allowed",
    })
    void badFilesGiveOneLocatedLine(String yaml, String expected) {
        assertEquals(expected, error(yaml.replace("\\n", "\n")));
    }

    @Test
    void enumErrorsNameTheValueAndTheChoices() {
        assertEquals("compose.yaml:4:34 services.web.depends_on.db.condition: invalid value \"service_whatever\": must be one of "
                + "\"service_started\", \"service_healthy\", \"service_completed_successfully\"", error("""
                services:
                  web:
                    image: nginx
                    depends_on: {db: {condition: service_whatever}}
                """));
    }

    @Test
    void everyAwesomeComposeFilePassesAndValidationIsFastWarm() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dev.jcompose.model.SharedCorpus.path("awesome-compose"), 2)) {
            files = s.filter(p -> p.getFileName().toString().matches("(docker-)?compose\\.ya?ml")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "found " + files.size());
        Path largest = files.stream().max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        for (Path f : files) {
            YMap tree = (YMap) YamlReader.read(f.toString(), Files.readString(f)).orElseThrow();
            assertDoesNotThrow(() -> SchemaValidator.validate(tree), f.toString());
        }
        YMap big = (YMap) YamlReader.read(largest.toString(), Files.readString(largest)).orElseThrow();
        for (int i = 0; i < 200; i++) {
            SchemaValidator.validate(big);
        }
        long t0 = System.nanoTime();
        int runs = 100;
        for (int i = 0; i < runs; i++) {
            SchemaValidator.validate(big);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / runs;
        assertTrue(ms < 10, "warm validation of " + largest + " took " + ms + " ms");
    }

    @Test
    void composeGoTypeExpectations() {
        assertEquals("compose.yaml:5:12 services.dict-env.environment.FOO: must be a string, a number, a boolean or null, not a list",
                error("""
                        services:
                          dict-env:
                            image: busybox
                            environment:
                              FOO: ["1"]
                        """));
        assertEquals("compose.yaml:4:18 services.dict-env.environment: must be a mapping or a list, not a string", error("""
                services:
                  dict-env:
                    image: busybox
                    environment: "FOO=1"
                """));
        assertEquals("compose.yaml:2:3 services: must be a mapping, not a list", error("""
                services:
                  - foo:
                      image: busybox
                """));
        assertEquals("compose.yaml:2:8 services.foo: must be a mapping, not a string", error("""
                services:
                  foo: busybox
                """));
        assertEquals("compose.yaml:2:12 networks.default: must be a mapping or null, not a string", error("""
                networks:
                  default: bridge
                """));
    }

    @Test
    void patternErrorsNameTheValue() {
        assertEquals("compose.yaml:4:21 services.web.container_name: invalid value \"-\": must match [a-zA-Z0-9][a-zA-Z0-9_.-]+",
                error("""
                        services:
                          web:
                            image: nginx
                            container_name: "-"
                        """));
    }
}
