package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's stack on real containers: a health-gated db, a one-shot init job gating the app
 * ({@code service_completed_successfully}), a named volume, two networks, a published port;
 * {@code up -d} twice recreates nothing, a change recreates only its service, {@code --scale} up and
 * down, {@code logs -f} follows across {@code restart} and new replicas, {@code down -v} leaves nothing.
 */
@Tag("root")
class StackEndToEndTest {
    private static final int PORT = 17381;

    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void start() throws Exception {
        cli = CliFixture.start(dir);
        write("1");
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    private void write(String version) throws IOException {
        cli.compose("""
                name: attach-stack
                services:
                  db:
                    image: tiny:1
                    command: ["sh", "-c", "echo db starting; sleep 2; touch /tmp/ready; echo db ready; while true; do sleep 1; done"]
                    healthcheck:
                      test: ["CMD-SHELL", "test -f /tmp/ready"]
                      interval: 1s
                      timeout: 2s
                      retries: 30
                    volumes: [data:/data]
                    networks: [back]
                    stop_grace_period: 1s
                  init:
                    image: tiny:1
                    command: ["sh", "-c", "test -f /data/seed || echo seed-from-init > /data/seed; echo seeded"]
                    volumes: [data:/data]
                    networks: [back]
                    depends_on:
                      db: {condition: service_healthy}
                  app:
                    image: tiny:1
                    command: ["sh", "-c", "while true; do (cat /data/seed; echo v$$VERSION) | nc -l -p 7000; done"]
                    environment: {VERSION: "%s"}
                    ports: ["127.0.0.1:%d:7000"]
                    volumes: [data:/data]
                    networks: [front, back]
                    depends_on:
                      init: {condition: service_completed_successfully}
                      db: {condition: service_healthy}
                    stop_grace_period: 1s
                  worker:
                    image: tiny:1
                    command: ["sh", "-c", "echo start $$HOSTNAME; i=0; while true; do i=$$((i+1)); echo tick $$i; sleep 0.3; done"]
                    networks: [back]
                    stop_grace_period: 1s
                networks:
                  front:
                    ipam: {config: [{subnet: 10.213.61.0/24}]}
                  back:
                    ipam: {config: [{subnet: 10.213.62.0/24}]}
                volumes:
                  data:
                """.formatted(version, PORT));
    }

    /** Container name → id, all states. */
    private Map<String, String> ids() throws Exception {
        return cli.ok("ps", "-a", "--format", "{{.Name}} {{.ID}}", "--no-trunc").lines().map(l -> l.split(" "))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    private String fetch() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            try (var socket = new java.net.Socket("127.0.0.1", PORT)) {
                socket.setSoTimeout(5000);
                String got = new String(socket.getInputStream().readAllBytes()).strip();
                if (!got.isEmpty()) {
                    return got;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing answered on 127.0.0.1:" + PORT, last);
    }

    @Test
    void theIssueSixStack() throws Exception {
        CliFixture.Run up = cli.run("up", "-d");
        assertEquals(0, up.code(), up.err());
        assertEquals("""
                attach-stack-app-1 running\s
                attach-stack-db-1 running healthy
                attach-stack-init-1 exited\s
                attach-stack-worker-1 running\s
                """, cli.ok("ps", "-a", "--format", "{{.Name}} {{.State}} {{.Health}}"), "db healthy before init ran, init done before app");
        assertEquals("0", cli.ok("ps", "--status", "exited", "--format", "{{.ExitCode}}").strip(), "the init job succeeded");
        assertEquals("app\ndb\nworker\n", cli.ok("ps", "--filter", "status=running", "--services"));
        assertEquals("seed-from-init\nv1", fetch(), "the app serves what init wrote to the named volume, on the published port");
        String dbLog = cli.ok("logs", "--no-color", "db");
        assertTrue(dbLog.contains("db-1  | db ready"), dbLog);

        Map<String, String> first = ids();
        CliFixture.Run again = cli.run("up", "-d");
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("Recreate"), again.err());
        assertEquals(first, ids(), "an unchanged project: nothing recreated");

        write("2");
        assertEquals(0, cli.run("up", "-d").code());
        Map<String, String> second = ids();
        assertNotEquals(first.get("attach-stack-app-1"), second.get("attach-stack-app-1"), "app changed: recreated");
        for (String same : List.of("attach-stack-db-1", "attach-stack-init-1", "attach-stack-worker-1")) {
            assertEquals(first.get(same), second.get(same), same + " did not change: kept");
        }
        assertEquals("seed-from-init\nv2", fetch(), "the recreated app kept the volume's data");

        try (CliFixture.Background follow = cli.spawn("logs", "-f", "--no-color", "worker")) {
            follow.awaitOut(o -> o.contains("worker-1  | tick 3"), 30, "worker's lines");
            cli.ok("restart", "-t", "1", "worker");
            follow.awaitOut(o -> o.split("worker-1  \\| start ", -1).length == 3, 30, "worker's second run, still followed");
            assertEquals(0, cli.run("up", "-d", "--scale", "worker=3").code());
            follow.awaitOut(o -> o.contains("worker-3  | tick 2") && o.contains("worker-2  | tick 2"), 30, "the new replicas followed");
            assertEquals(3, cli.ok("ps", "-q", "worker").lines().count());
            assertEquals(0, cli.run("up", "-d").code());
            assertEquals(List.of("attach-stack-worker-1"), cli.ok("ps", "--format", "{{.Name}}", "worker").lines().toList(),
                    "back to the file's one replica: the highest numbers go");
            String seen = follow.out();
            assertEquals(2, seen.lines().filter(l -> l.equals("worker-1  | tick 1")).count(), "each run's first line once: " + seen);
            assertTrue(follow.process.isAlive(), "logs -f still follows worker-1");
            assertEquals(0, cli.run("stop", "-t", "1", "worker").code());
            assertEquals(0, follow.awaitExit(30), "logs -f ends once nothing it follows runs");
        }

        List<String> bridges = cli.engine.networks().list().stream().map(n -> "jc-" + n.id().substring(0, 12)).toList();
        assertEquals(2, bridges.size(), bridges.toString());
        bridges.forEach(b -> assertTrue(Files.exists(Path.of("/sys/class/net", b)), b));
        List<String> containerIds = new ArrayList<>(ids().values());
        CliFixture.Run down = cli.run("down", "-v", "-t", "1");
        assertEquals(0, down.code(), down.err());
        assertEquals("", cli.ok("ps", "-a", "-q"));
        assertTrue(cli.engine.volumes().list().isEmpty(), "down -v removed the named volume");
        assertTrue(cli.engine.networks().list().isEmpty(), "down removed both networks");
        bridges.forEach(b -> assertFalse(Files.exists(Path.of("/sys/class/net", b)), "bridge " + b + " left behind"));
        for (String id : containerIds) {
            assertEquals(List.of(), cgroupsOf(id), "cgroups of " + id + " left behind");
        }
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        assertFalse(mounts.contains(dir.toString()), "mounts under the test's state root left behind");
        try (var s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", PORT), 1000);
            throw new AssertionError("the published port still answers after down");
        } catch (IOException expected) {
            // the port proxy is gone
        }
    }

    private static List<Path> cgroupsOf(String id) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path c : controllers.toList()) {
                Path p = c.resolve("jcompose").resolve(id);
                if (Files.exists(p)) {
                    found.add(p);
                }
            }
        }
        return found;
    }
}
