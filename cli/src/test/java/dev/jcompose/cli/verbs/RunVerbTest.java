package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.ContainerRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code create} on real containers: exit codes, --rm, one-off names and labels, dependencies, flags. */
@Tag("root")
class RunVerbTest {
    @TempDir
    Path dir;
    private VerbsHarness h;

    @BeforeEach
    void start() throws Exception {
        h = VerbsHarness.start(dir);
        h.compose("""
                name: verbsrun
                services:
                  db:
                    image: tiny:1
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                  app:
                    image: tiny:1
                    command: ["sleep", "3600"]
                    depends_on: [db]
                    environment: {FROM_FILE: file}
                    ports: ["127.0.0.1:17391:7000"]
                    stop_grace_period: 1s
                networks:
                  default:
                    ipam: {config: [{subnet: 10.213.41.0/24}]}
                """);
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private List<ContainerRecord> containers() {
        return h.engine.containers().store().list();
    }

    @Test
    void runRmPassesTheExitCodeThroughStartsDependenciesAndLeavesNothing() throws Exception {
        VerbsHarness.Run noDeps = h.jcompose("run", "--rm", "--no-deps", "app", "true");
        assertEquals(0, noDeps.code(), noDeps.err());
        assertTrue(containers().isEmpty(), "--no-deps starts no dependency and --rm leaves nothing: " + containers());

        VerbsHarness.Run run = h.jcompose("run", "--rm", "-e", "EXTRA=x", "-e", "VERBS_FROM_CALLER", "-e", "VERBS_UNSET", "app",
                "sh", "-c", "echo out $FROM_FILE $EXTRA $VERBS_FROM_CALLER ${VERBS_UNSET-unset}; echo oops >&2; exit 3");
        assertEquals(3, run.code(), "the container's exit code: " + run.err());
        assertEquals("out file x from-caller unset", run.out().strip());
        assertTrue(run.err().contains("oops"), "stderr goes to stderr: " + run.err());
        assertEquals(List.of("verbsrun-db-1"), containers().stream().map(ContainerRecord::shortName).toList(),
                "the dependency is up and the one-off container is gone");
        assertTrue(h.engine.containers().inspect("verbsrun-db-1").state().running());
    }

    @Test
    void runDetachedNamesAndLabelsTheOneOffContainerAsDockerCompose() throws Exception {
        String id = h.ok("run", "-d", "-l", "extra=1", "-w", "/tmp", "-u", "nobody", "app", "sleep", "600").strip();
        assertTrue(id.matches("[0-9a-f]{64}"), "-d prints the container ID: " + id);
        ContainerRecord r = h.engine.containers().inspect(id);
        assertTrue(r.state().running());
        String slug = r.labels().get("com.docker.compose.slug");
        assertTrue(slug.matches("[0-9a-f]{64}"), slug);
        assertEquals("verbsrun-app-run-" + slug.substring(0, 12), r.shortName());
        assertEquals("True", r.labels().get("com.docker.compose.oneoff"));
        assertEquals("app", r.labels().get("com.docker.compose.service"));
        assertEquals("verbsrun", r.labels().get("com.docker.compose.project"));
        assertEquals("1", r.labels().get("extra"));
        assertNull(r.labels().get("com.docker.compose.container-number"), "one-off containers have no number");
        assertEquals("/tmp", r.config().workingDir());
        assertEquals("nobody", r.config().user());
        assertTrue(r.hostConfig().portBindings() == null || r.hostConfig().portBindings().isEmpty(),
                "service ports are not published without --service-ports: " + r.hostConfig().portBindings());
        assertEquals("no", r.hostConfig().effectiveRestartPolicy().name());
        List<String> aliases = r.networkSettings().networks().get("verbsrun_default").aliases();
        assertFalse(aliases.contains("app"), "no service alias without --use-aliases: " + aliases);

        String named = h.ok("run", "-d", "--name", "verbsrun-custom", "--service-ports", "-p", "127.0.0.1:17392:7001", "--use-aliases",
                "--entrypoint", "sleep", "app", "600").strip();
        ContainerRecord c = h.engine.containers().inspect(named);
        assertEquals("verbsrun-custom", c.shortName());
        assertEquals(List.of("sleep"), c.config().entrypoint());
        assertTrue(c.hostConfig().portBindings().containsKey("7000/tcp") && c.hostConfig().portBindings().containsKey("7001/tcp"),
                "--service-ports and -p publish: " + c.hostConfig().portBindings());
        assertTrue(c.networkSettings().networks().get("verbsrun_default").aliases().contains("app"), "--use-aliases");
        String ps = h.ok("ps", "-a", "--format", "json");
        assertTrue(ps.contains("verbsrun-custom"), ps);
        VerbsHarness.Run down = h.jcompose("down", "-t", "1");
        assertEquals(0, down.code(), down.err());
        assertTrue(containers().isEmpty(), "down removes the one-off containers too: " + containers());
    }

    @Test
    void anInterruptedRunRmRemovesItsContainer() throws Exception {
        Process run = h.spawn(dir.resolve("run.out"), dir.resolve("run.err"), "run", "--rm", "--no-deps", "app", "sleep", "600");
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && containers().stream().noneMatch(c -> c.state().running())) {
                Thread.sleep(200);
            }
            assertTrue(containers().stream().anyMatch(c -> c.state().running()), "the one-off container runs");
            Thread.sleep(500);
            run.destroy(); // SIGTERM, as a Ctrl-C ends the JVM: its shutdown hook runs
            assertTrue(run.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            run.destroyForcibly();
        }
        assertTrue(containers().isEmpty(), "--rm removed the container of the interrupted run: " + containers());
    }

    @Test
    void runBindsVolumesAndCreateThenStartBringsTheProjectUp() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        VerbsHarness.Run run = h.jcompose("run", "--rm", "--no-deps", "-v", "./data:/data", "app", "sh", "-c", "echo hi > /data/f");
        assertEquals(0, run.code(), run.err());
        assertEquals("hi", Files.readString(dir.resolve("data/f")).strip());

        VerbsHarness.Run create = h.jcompose("create");
        assertEquals(0, create.code(), create.err());
        assertEquals("created", h.engine.containers().inspect("verbsrun-app-1").state().status());
        assertEquals("created", h.engine.containers().inspect("verbsrun-db-1").state().status());
        h.ok("start");
        assertTrue(h.engine.containers().inspect("verbsrun-app-1").state().running());
        assertTrue(h.engine.containers().inspect("verbsrun-db-1").state().running());
    }
}
