package dev.jcompose.model.load.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.load.normalize.NormalizeContext;
import dev.jcompose.model.load.normalize.Normalizer;
import dev.jcompose.model.load.transform.ShortSyntax;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The config hash: docker compose's ServiceHash over the normalised service. */
class ConfigHashTest {
    private static YMap web(String yaml) {
        YMap file = (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
        YMap tree = Normalizer.normalize(ShortSyntax.expand(file), new NormalizeContext("demo", Path.of("/work/demo"), Map.of(), Set.of()));
        return (YMap) ((YMap) tree.get("services")).get("web");
    }

    @Test
    void stableAcrossSyntaxAndKeyOrder() {
        String a = ConfigHash.of(web("""
                services:
                  web:
                    image: nginx
                    ports: ["8080:80"]
                    environment: [A=1, B=2]
                    command: nginx -g "daemon off;"
                """));
        String b = ConfigHash.of(web("""
                services:
                  web:
                    command: [nginx, -g, "daemon off;"]
                    environment: {B: "2", A: "1"}
                    ports:
                      - {published: 8080, target: 80}
                    image: nginx
                """));
        assertEquals(a, b);
        assertEquals(64, a.length());
        assertTrue(a.matches("[0-9a-f]{64}"));
        assertEquals(a, ConfigHash.of(web("""
                services:
                  web:
                    image: nginx
                    ports: ["8080:80"]
                    environment: [A=1, B=2]
                    command: nginx -g "daemon off;"
                """)), "same input, same hash");
    }

    @Test
    void ignoresWhatDoesNotChangeContainers() {
        String base = ConfigHash.of(web("""
                services:
                  web: {image: nginx}
                  db: {image: db}
                """));
        assertEquals(base, ConfigHash.of(web("""
                services:
                  web:
                    image: nginx
                    build: ./web
                    pull_policy: always
                    scale: 2
                    depends_on: [db]
                    profiles: [x]
                  db: {image: db}
                """)));
        assertNotEquals(base, ConfigHash.of(web("""
                services:
                  web: {image: nginx, environment: [A=1]}
                  db: {image: db}
                """)));
    }

    @Test
    void hashesGoJsonOfTheServiceWithCommandAndEntrypointNull() throws Exception {
        YMap s = web("""
                services:
                  web: {image: nginx}
                """);
        String json = "{\"command\":null,\"entrypoint\":null,\"image\":\"nginx\",\"networks\":{\"default\":null}}";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, ConfigHash.of(s));
    }

    @Test
    void deployWithoutReplicasStillCarriesItsStructFields() throws Exception {
        YMap s = web("""
                services:
                  web: {image: nginx, deploy: {replicas: 2}}
                """);
        String json = "{\"command\":null,\"deploy\":{\"resources\":{},\"placement\":{}},\"entrypoint\":null,\"image\":\"nginx\","
                + "\"networks\":{\"default\":null}}";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, ConfigHash.of(s));
    }
}
