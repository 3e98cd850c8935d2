package dev.jcompose.cli.dockerd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jcompose's CLI pointed at Debian's dockerd with {@code DOCKER_HOST}, as a docker compose user would:
 * a stack with a user network, a named volume, a health-gated dependency and a port published on
 * 127.0.0.1 goes through up -d, ps, logs, exec -T, a second up -d that changes nothing and down -v,
 * checked by jcompose's output and by dockerd's own view through the docker CLI.
 */
@Tag("root")
class JcomposeOnDockerdRootTest {
    private static final String PROJECT = "dockerdcli";
    private static final String IMAGE = "dockerd-tiny:1";

    @TempDir
    Path dir;
    private DockerdProcess dockerd;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        dockerd = DockerdProcess.start(dir);
        Path archive = dir.resolve("tiny.tar");
        DockerSaveArchive.write(archive, IMAGE);
        assertTrue(dockerd.ok("load", "-i", archive.toString()).contains("Loaded image: " + IMAGE), "docker load");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), """
                services:
                  db:
                    image: %1$s
                    init: true
                    command: ["sh", "-c", "echo db ready; echo kept > /data/state; touch /tmp/ok; sleep 300"]
                    volumes: [state:/data]
                    networks: [back]
                    healthcheck:
                      test: ["CMD", "test", "-f", "/tmp/ok"]
                      interval: 1s
                      retries: 60
                  web:
                    image: %1$s
                    init: true
                    command: ["sh", "-c", "echo web up; while true; do echo hello-from-web | nc -l -p 8080; done"]
                    depends_on:
                      db: {condition: service_healthy}
                    networks: [back]
                    ports: ["127.0.0.1::8080"]
                networks:
                  back:
                    ipam:
                      config: [{subnet: 10.233.61.0/24}]
                volumes:
                  state: {}
                """.formatted(IMAGE));
    }

    @AfterEach
    void stop() throws Exception {
        if (dockerd != null) {
            dockerd.close();
            assertEquals(List.of(), dockerd.leftovers(), "dockerd left nothing behind");
        }
    }

    private Run jcompose(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.jcompose.cli.Main", "-p", PROJECT));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "jcompose", ".out");
        Path err = Files.createTempFile(dir, "jcompose", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.resolve("project").toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(new java.io.File("/dev/null"));
        pb.environment().remove("JCOMPOSE_HOST");
        pb.environment().put("DOCKER_HOST", "unix://" + dockerd.socket);
        pb.environment().put("JCOMPOSE_DNS_UPSTREAM", "none");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jcompose " + String.join(" ", args) + " timed out: " + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String ok(String... args) throws Exception {
        Run r = jcompose(args);
        assertEquals(0, r.code(), () -> "jcompose " + String.join(" ", args) + ": " + r.err() + r.out());
        return r.out();
    }

    private String awaitLogs(Predicate<String> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String logs = ok("logs", "--no-color");
        while (!done.test(logs) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            logs = ok("logs", "--no-color");
        }
        return logs;
    }

    @Test
    void upPsLogsExecDownAgainstDockerd() throws Exception {
        Run up = jcompose("up", "-d");
        assertEquals(0, up.code(), () -> "up -d: " + up.err() + up.out() + "\ndockerd:\n" + logTail());
        assertTrue(up.err().lines().anyMatch(l -> l.contains("Container " + PROJECT + "-db-1") && l.contains("Healthy")),
                "up waited for db to be healthy: " + up.err());

        String ps = ok("ps");
        String db = ps.lines().filter(l -> l.startsWith(PROJECT + "-db-1 ")).findFirst().orElseThrow(() -> new AssertionError(ps));
        String web = ps.lines().filter(l -> l.startsWith(PROJECT + "-web-1 ")).findFirst().orElseThrow(() -> new AssertionError(ps));
        assertTrue(db.contains("Up ") && db.contains("(healthy)"), ps);
        assertTrue(web.contains("Up ") && web.matches(".*127\\.0\\.0\\.1:\\d+->8080/tcp.*"), ps);

        assertEquals(List.of(PROJECT + "-db-1 " + PROJECT + " db", PROJECT + "-web-1 " + PROJECT + " web"),
                dockerd.ok("ps", "--format", "{{.Names}} {{.Label \"com.docker.compose.project\"}} {{.Label \"com.docker.compose.service\"}}")
                        .lines().sorted().toList(), "dockerd runs the two containers with compose's labels");
        assertEquals("10.233.61.0/24", dockerd.ok("network", "inspect", "--format", "{{range .IPAM.Config}}{{.Subnet}}{{end}}",
                PROJECT + "_back"), "the user network as dockerd sees it");
        String bridge = dockerd.bridgeOf(PROJECT + "_back");
        assertTrue(Files.exists(Path.of("/sys/class/net", bridge)), "dockerd made its bridge " + bridge);
        assertEquals(PROJECT + "_state", dockerd.ok("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT));

        String port = ok("port", "web", "8080").strip();
        assertTrue(port.matches("127\\.0\\.0\\.1:\\d+"), "port: " + port);
        assertEquals("hello-from-web", readLine(Integer.parseInt(port.substring(port.indexOf(':') + 1))),
                "the published port answers through dockerd's proxy");

        String logs = awaitLogs(l -> l.contains("db ready") && l.contains("web up"));
        assertTrue(logs.lines().anyMatch(l -> l.matches("db-1\\s+\\| db ready")), logs);
        assertTrue(logs.lines().anyMatch(l -> l.matches("web-1\\s+\\| web up")), logs);

        Run exec = jcompose("exec", "-T", "web", "sh", "-c", "echo via-exec; exit 3");
        assertEquals(3, exec.code(), () -> "exec's exit code passes through: " + exec.err() + exec.out());
        assertTrue(exec.out().contains("via-exec"), exec.out());
        assertEquals("kept", ok("exec", "-T", "db", "cat", "/data/state").strip(), "the named volume is mounted");

        String ids = dockerd.ok("ps", "-q", "--no-trunc");
        Run again = jcompose("up", "-d");
        assertEquals(0, again.code(), () -> "second up -d: " + again.err());
        assertEquals(ids, dockerd.ok("ps", "-q", "--no-trunc"), "a second up -d recreates nothing: " + again.err());

        ok("down", "-v", "-t", "1");
        assertEquals("", dockerd.ok("ps", "-aq"), "down removed the containers");
        assertEquals("", dockerd.ok("network", "ls", "-q", "--filter", "name=" + PROJECT + "_back"), "down removed the network");
        assertEquals("", dockerd.ok("volume", "ls", "-q", "--filter", "name=" + PROJECT + "_state"), "down -v removed the volume");
        assertTrue(!Files.exists(Path.of("/sys/class/net", bridge)), "dockerd removed its bridge " + bridge);
        assertNotEquals("", dockerd.ok("images", "-q", IMAGE), "down without --rmi keeps the image");
    }

    private static String readLine(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (line != null) {
                    return line;
                }
            } catch (java.io.IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("nothing answered on 127.0.0.1:" + port, e);
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("127.0.0.1:" + port + " closed without a line");
            }
            Thread.sleep(200);
        }
    }

    private String logTail() {
        try {
            return dockerd.logTail();
        } catch (java.io.IOException e) {
            return "(no dockerd log: " + e.getMessage() + ")";
        }
    }
}
