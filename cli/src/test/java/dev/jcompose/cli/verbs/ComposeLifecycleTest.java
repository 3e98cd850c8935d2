package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user does: up, ps, logs, up again (nothing changes), change a service (only it is recreated), down -v. */
@Tag("root")
class ComposeLifecycleTest {
    @TempDir
    Path dir;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        BusyboxImage.install(engine.images(), "docker.io/library/tiny:1");
        write("1");
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.removeEverything();
            engine.close();
        }
    }

    private void write(String version) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  db:
                    image: tiny:1
                    command: ["sh", "-c", "echo db ready; sleep 600"]
                    volumes: [data:/data]
                  web:
                    image: tiny:1
                    command: ["sh", "-c", "echo hello from web $$VERSION; sleep 600"]
                    environment: {VERSION: "%s"}
                    depends_on: [db]
                    deploy: {replicas: 2}
                    stop_grace_period: 1s
                volumes:
                  data:
                """.formatted(version));
    }

    private record Run(int code, String out, String err) {
    }

    private Run jcompose(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.jcompose.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("JCOMPOSE_HOST", "unix://" + engine.config().socket());
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args) + " timed out");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String ok(String... args) throws Exception {
        Run r = jcompose(args);
        assertEquals(0, r.code, () -> String.join(" ", args) + ": " + r.err + r.out);
        return r.out;
    }

    @Test
    void servicesReachEachOtherByNameAndPublishedPortsFromTheHost() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: net
                services:
                  echo:
                    image: tiny:1
                    command: ["sh", "-c", "while true; do echo pong | nc -l -p 7000; done"]
                    ports: ["127.0.0.1:17071:7000"]
                  client:
                    image: tiny:1
                    command: ["sh", "-c", "sleep 1; nc echo 7000; nslookup echo; nslookup host.docker.internal; sleep 600"]
                    depends_on: [echo]
                """);
        Run up = jcompose("up", "-d");
        assertEquals(0, up.code, up.err);
        long deadline = System.currentTimeMillis() + 8000;
        String logs = "";
        while (System.currentTimeMillis() < deadline && !logs.contains("pong")) {
            Thread.sleep(200);
            logs = ok("logs", "--no-color", "client");
        }
        assertTrue(logs.contains("client-1  | pong"), "the client reached the echo service by its name: " + logs);
        String echoIp = engine.containers().inspect("net-echo-1").networkSettings().networks().get("net_default").ipAddress();
        deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline && !logs.contains("Address: " + echoIp)) {
            Thread.sleep(200);
            logs = ok("logs", "--no-color", "client");
        }
        assertTrue(logs.contains("Address: " + echoIp), "the embedded DNS server answers the service name: " + logs);
        String gateway = engine.containers().inspect("net-echo-1").networkSettings().networks().get("net_default").gateway();
        assertTrue(logs.lines().anyMatch(l -> l.endsWith("Address: " + gateway) && !l.contains("#53")),
                "host.docker.internal is the network's gateway: " + logs);
        assertEquals("127.0.0.1:17071", ok("port", "echo", "7000").strip());
        try (var socket = new java.net.Socket("127.0.0.1", 17071)) {
            assertEquals("pong", new String(socket.getInputStream().readAllBytes()).strip(), "published port from the host's loopback");
        }
        String bridge = "jc-" + engine.networks().find("net_default").id().substring(0, 12);
        assertTrue(Files.exists(Path.of("/sys/class/net", bridge)), "the project network is a bridge");
        assertEquals(0, jcompose("down", "-t", "1").code);
        assertTrue(!Files.exists(Path.of("/sys/class/net", bridge)), "down removes the network's bridge");
    }

    @Test
    void networksAreIsolatedFromEachOtherAndStaticAddressesHold() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")), "needs nft (Debian package nftables) for network isolation");
        Files.writeString(dir.resolve("compose.yaml"), """
                name: iso
                services:
                  server:
                    image: tiny:1
                    command: ["sh", "-c", "while true; do echo pong | nc -l -p 7000; done"]
                    networks:
                      back: {ipv4_address: 10.211.7.10}
                  neighbour:
                    image: tiny:1
                    command: ["sh", "-c", "sleep 1; nc -w 2 10.211.7.10 7000 || echo unreachable; sleep 600"]
                    networks: [back]
                  stranger:
                    image: tiny:1
                    command: ["sh", "-c", "sleep 1; nc -w 2 10.211.7.10 7000 || echo unreachable; nslookup server || echo no-such-name; sleep 600"]
                    networks: [front]
                networks:
                  back:
                    ipam: {config: [{subnet: 10.211.7.0/24}]}
                  front:
                """);
        Run up = jcompose("up", "-d");
        assertEquals(0, up.code, up.err);
        long deadline = System.currentTimeMillis() + 10000;
        String neighbour = "";
        String stranger = "";
        while (System.currentTimeMillis() < deadline && !(neighbour.contains("pong") && stranger.contains("no-such-name"))) {
            Thread.sleep(250);
            neighbour = ok("logs", "--no-color", "neighbour");
            stranger = ok("logs", "--no-color", "stranger");
        }
        assertTrue(neighbour.contains("pong"), "same network: reachable at the static address: " + neighbour);
        assertTrue(stranger.contains("unreachable") && !stranger.contains("pong"), "other network: isolated: " + stranger);
        assertTrue(stranger.contains("no-such-name") && !stranger.contains("10.211.7.10"), "names are scoped to shared networks: " + stranger);
        assertEquals("10.211.7.10", engine.containers().inspect("iso-server-1").networkSettings().networks().get("iso_back").ipAddress());
        assertEquals(0, jcompose("down", "-t", "1").code);
    }

    @Test
    void upPsLogsRecreateDown() throws Exception {
        Run up = jcompose("up", "-d");
        assertEquals(0, up.code, up.err);
        assertTrue(up.err.contains("Container demo-db-1 Started"), up.err);
        assertEquals(List.of("demo-db-1", "demo-web-1", "demo-web-2"), names());
        String ids = ok("ps", "-q");
        assertTrue(ok("ls").lines().anyMatch(l -> l.startsWith("demo") && l.contains("running(3)")), ok("ls"));
        assertEquals("0.1.0", ok("version", "--short").strip());
        Run exec = jcompose("exec", "-T", "-e", "EXTRA=x", "web", "sh", "-c", "echo in $(hostname) $VERSION $EXTRA; echo oops >&2; exit 3");
        assertEquals(3, exec.code, "exec passes the exit code through: " + exec.err);
        assertTrue(exec.out.startsWith("in ") && exec.out.strip().endsWith("1 x"), exec.out);
        assertEquals("oops", exec.err.strip());
        long deadline = System.currentTimeMillis() + 5000;
        String logs = "";
        while (System.currentTimeMillis() < deadline && !logs.contains("web-2")) {
            logs = ok("logs", "--no-color", "web");
            Thread.sleep(100);
        }
        assertTrue(logs.contains("web-1  | hello from web 1") && logs.contains("web-2  | hello from web 1"), logs);

        assertEquals(0, jcompose("up", "-d").code);
        assertEquals(ids, ok("ps", "-q"), "an unchanged project is left as it is");
        assertEquals(0, jcompose("up", "-d", "--scale", "web=3").code);
        assertEquals(List.of("demo-db-1", "demo-web-1", "demo-web-2", "demo-web-3"), names());
        assertEquals(0, jcompose("up", "-d").code);
        assertEquals(List.of("demo-db-1", "demo-web-1", "demo-web-2"), names(), "back to the file's replicas: the highest goes");

        write("2");
        Run again = jcompose("up", "-d");
        assertEquals(0, again.code, again.err);
        String after = ok("ps", "-q");
        assertNotEquals(ids, after);
        String dbId = engine.containers().inspect("demo-db-1").id();
        assertTrue(after.contains(dbId), "db was not recreated");

        Run down = jcompose("down", "-v", "-t", "1");
        assertEquals(0, down.code, down.err);
        assertEquals("", ok("ps", "-a", "-q"));
        assertTrue(engine.volumes().list().isEmpty(), "down -v removes the volume");
    }

    private List<String> names() throws Exception {
        return ok("ps", "--format", "json").lines().map(l -> l.replaceAll(".*\"Name\":\"([^\"]+)\".*", "$1")).sorted().toList();
    }
}
