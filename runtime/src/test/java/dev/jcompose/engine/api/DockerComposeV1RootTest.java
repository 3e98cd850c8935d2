package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Debian's docker-compose 1.29 (Python, docker-py) pointed at the engine's socket runs a
 * three-service busybox stack: up -d, ps, logs, exec -T, run --rm -T, down — nothing left afterwards.
 */
@Tag("root")
class DockerComposeV1RootTest {
    private static final String PROJECT = "dockercliv1";

    @TempDir
    Path dir;
    private Engine engine;
    private Path compose;
    private DockerCli docker;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers and bridges");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        compose = EngineApiTest.findOnPath("docker-compose");
        assumeTrue(compose != null, "needs docker-compose 1.29 (Debian package docker-compose)");
        Path cli = EngineApiTest.findOnPath("docker");
        assumeTrue(cli != null, "needs the docker CLI on PATH (a client only is enough)");
        engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        BusyboxImage.install(engine.images(), "docker.io/library/dockercli-tiny:1");
        docker = new DockerCli(cli, engine.config().socket(), dir);
        Files.writeString(dir.resolve("docker-compose.yml"), """
                version: "3.8"
                services:
                  web:
                    image: dockercli-tiny:1
                    command: ["sh", "-c", "echo web up; sleep 300"]
                    labels:
                      role: front
                  db:
                    image: dockercli-tiny:1
                    command: ["sh", "-c", "echo db ready mode=$$MODE; sleep 300"]
                    environment:
                      MODE: test
                  worker:
                    image: dockercli-tiny:1
                    command: ["sh", "-c", "echo worker started; sleep 300"]
                    depends_on: [db]
                networks:
                  default:
                    ipam:
                      config:
                        - subnet: 10.231.77.0/24
                """);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.removeEverything();
            engine.close();
            assertTrue(Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().noneMatch(l -> l.contains(dir.toString())),
                    "no mount of the test left");
        }
    }

    private record Result(int code, String out) {
    }

    private Result compose(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(compose.toString(), "-p", PROJECT, "--no-ansi"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "compose", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(new java.io.File("/dev/null"));
        pb.environment().put("DOCKER_HOST", "unix://" + engine.config().socket());
        pb.environment().remove("DOCKER_CONTEXT");
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("docker-compose " + String.join(" ", args) + " timed out: " + Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out));
    }

    private String ok(String... args) throws Exception {
        Result r = compose(args);
        assertEquals(0, r.code(), () -> "docker-compose " + String.join(" ", args) + ": " + r.out());
        return r.out();
    }

    @Test
    void upPsLogsExecDown() throws Exception {
        ok("up", "-d");
        String ps = ok("ps");
        for (String name : List.of("dockercliv1_web_1", "dockercliv1_db_1", "dockercliv1_worker_1")) {
            assertTrue(ps.lines().anyMatch(l -> l.startsWith(name) && l.contains(" Up")), name + " is up: " + ps);
        }
        assertEquals("front", docker.ok("inspect", "--format", "{{index .Config.Labels \"role\"}}", "dockercliv1_web_1"));
        assertEquals("10.231.77", docker.ok("inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                "dockercliv1_db_1").replaceAll("\\.\\d+$", ""), "on the project network");
        long deadline = System.currentTimeMillis() + 10_000;
        String logs = "";
        while (System.currentTimeMillis() < deadline && !(logs.contains("web up") && logs.contains("db ready mode=test")
                && logs.contains("worker started"))) {
            logs = ok("logs", "--no-color");
            Thread.sleep(100);
        }
        assertTrue(logs.lines().anyMatch(l -> l.matches("web_1\\s+\\| web up")), logs);
        assertTrue(logs.lines().anyMatch(l -> l.matches("db_1\\s+\\| db ready mode=test")), logs);
        assertTrue(logs.lines().anyMatch(l -> l.matches("worker_1\\s+\\| worker started")), logs);
        Result exec = compose("exec", "-T", "web", "sh", "-c", "echo via-compose-exec; exit 2");
        assertEquals(2, exec.code(), exec.out());
        assertTrue(exec.out().contains("via-compose-exec"), exec.out());
        Result run = compose("run", "--rm", "-T", "web", "sh", "-c", "echo from-run; exit 6");
        assertEquals(6, run.code(), run.out());
        assertTrue(run.out().contains("from-run"), "the one-off's output comes over the hijacked attach: " + run.out());
        ok("down", "-t", "1");
        assertEquals("", docker.ok("ps", "-aq"), "down removed the containers");
        assertEquals("", docker.ok("network", "ls", "-q", "--filter", "name=dockercliv1_default"), "down removed the network");
    }
}
