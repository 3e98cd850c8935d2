package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/ps_test.go} "TestPs" on {@code fixtures/ps-test}: table, JSON
 * publishers, {@code --all} after stop, a named service and an unknown one.
 *
 * <p>Differences from the Go test: the fixture's fixed host port 8001 is replaced, through a second
 * {@code -f} with {@code !override}, by a free one (tests must not race for ports), and the default
 * network gets this area's subnet. {@code nginx:latest} is the busybox {@code httpd} stand-in.
 */
class PsTest extends E2eTest {
    private static final String FILE = "fixtures/ps-test/compose.yaml";
    private static final String P = "e2e-ps";

    @Test
    void testPs() throws Exception {
        c = E2eFixture.start(dir, FILE);
        int port = E2eFixture.freePort();
        String override = c.override("ports.yaml", """
                services:
                  busybox:
                    ports: !override
                      - '127.0.0.1:%d:8000'
                """.formatted(port) + E2eFixture.defaultNetwork(1));
        String[] files = {"-f", E2eFixture.path(FILE), "-f", override, "--project-name", P};

        E2eFixture.Run up = c.ok(args(files, "up", "-d"));
        assertTrue(Pattern.compile("Container e2e-ps-busybox-1\\s+Started").matcher(up.combined()).find(), up.combined());

        // "table": header plus one line per container (Go splits on \n and counts the trailing empty piece too)
        String table = c.ok(args(files, "ps")).out();
        List<String> lines = table.lines().toList();
        assertEquals(3, lines.size(), table);
        int count = 0;
        for (String line : lines.subList(1, 3)) {
            if (line.contains("e2e-ps-busybox-1")) {
                assertTrue(line.contains("127.0.0.1:" + port + "->8000/tcp"), line);
                count++;
            }
            if (line.contains("e2e-ps-nginx-1")) {
                assertTrue(line.contains("80/tcp, 443/tcp, 8080/tcp"), line);
                count++;
            }
        }
        assertEquals(2, count, "did not match both services:\n" + table);

        // "json": a stream of objects (or one array), Publishers as api.PortPublishers
        String json = c.ok(args(files, "ps", "--format", "json")).out();
        List<JsonNode> rows = decode(json);
        assertEquals(2, rows.size(), json);
        count = 0;
        for (JsonNode s : rows) {
            assertEquals(P, s.path("Project").asText(), json);
            JsonNode pub = s.path("Publishers");
            if (s.path("Name").asText().equals("e2e-ps-busybox-1")) {
                assertEquals(1, pub.size(), json);
                assertPublisher(pub.get(0), "127.0.0.1", 8000, port);
                count++;
            }
            if (s.path("Name").asText().equals("e2e-ps-nginx-1")) {
                assertEquals(3, pub.size(), json);
                assertPublisher(pub.get(0), "", 80, 0);
                assertPublisher(pub.get(1), "", 443, 0);
                assertPublisher(pub.get(2), "", 8080, 0);
                count++;
            }
        }
        assertEquals(2, count, "did not match both services:\n" + json);

        // "ps --all"
        c.ok("--project-name", P, "stop", "-t", "1");
        assertEquals(1, c.ok(args(files, "ps")).out().lines().count(), "only the header once stopped");
        assertEquals(3, c.ok(args(files, "ps", "--all")).out().lines().count(), "both containers with --all");

        // "ps unknown"
        c.ok(args(files, "ps", "nginx"));
        E2eFixture.Run unknown = c.run(args(files, "ps", "unknown"));
        assertEquals(1, unknown.code(), unknown.combined());
        assertTrue(unknown.err().contains("no such service: unknown"), unknown.err());

        c.ok("--project-name", P, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }

    private static void assertPublisher(JsonNode p, String url, int target, int published) {
        assertEquals(url, p.path("URL").asText(), p.toString());
        assertEquals(target, p.path("TargetPort").asInt(), p.toString());
        assertEquals(published, p.path("PublishedPort").asInt(), p.toString());
        assertEquals("tcp", p.path("Protocol").asText(), p.toString());
    }

    private static List<JsonNode> decode(String out) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        var parser = new ObjectMapper().getFactory().createParser(out);
        var mapper = new ObjectMapper();
        while (parser.nextToken() != null) {
            JsonNode n = mapper.readTree(parser);
            if (n instanceof ArrayNode a) {
                a.forEach(rows::add);
            } else {
                rows.add(n);
            }
        }
        return rows;
    }

    static String[] args(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
