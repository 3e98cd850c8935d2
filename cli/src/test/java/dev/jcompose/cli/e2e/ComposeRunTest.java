package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.HostConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/compose_run_test.go}: "TestComposeRun", "TestComposeRunPorts",
 * "TestComposeRunDeps", "TestComposeRunNotRequiredDeps", "TestComposeRunRmStopSignal" and
 * "TestComposeRunPipedInput", each a method named after it, on the same fixtures
 * ({@code testdata/<test>}, {@code fixtures/ps-test}, {@code fixtures/run-test/piped-test.yaml}).
 *
 * <p>Differences from the Go tests: fixed host ports (8081, 8082, 8001) are replaced by free ones
 * (the model's through a second {@code -f} with {@code !override}); port mappings are read from the
 * engine's inspect (the Go test's {@code docker ps}); {@code bash} is the busybox shell stand-in.
 * Not ported: "TestComposeRunBuild" (needs {@code build:}), "TestComposeRunQuietPull" and
 * "TestComposeRunPullAlways" (need a registry with the images).
 */
class ComposeRunTest extends E2eTest {
    @Test
    void testComposeRun() throws Exception {
        String file = "testdata/TestComposeRun/compose.yaml";
        c = E2eFixture.start(dir, file, "testdata/TestComposeRun/run.env");
        String p = "e2eb-run";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(206), "--project-name", p};
        ServiceStates states = new ServiceStates(c, p);
        E2eFixture quiet = c.withEnv(Map.of("COMPOSE_IGNORE_ORPHANS", "True"));

        // "run executes the service's own command and starts its dependency"
        E2eFixture.Run first = c.ok(PsTest.args(f, "run", "back"));
        assertTrue(first.out().contains("Hello there!!"), first.combined());
        assertFalse(first.combined().contains("orphan"), first.combined());
        assertEquals("running", states.service("db"));
        assertEquals("exited", states.oneOff("back"));
        assertEquals(List.of(), states.containers("front", false));
        ContainerRecord oneOff = states.containers("back", true).get(0);
        String slug = oneOff.config().labels().get("com.docker.compose.slug");
        assertEquals(p + "-back-run-" + slug.substring(0, 12), oneOff.name().replaceFirst("^/", ""), "one-off name with the slug's 12 hex");

        // "run with an override command warns about the previous one-off, now an orphan"
        E2eFixture.Run again = c.ok(PsTest.args(f, "run", "back", "echo", "Hello one more time"));
        assertTrue(again.out().contains("Hello one more time"), again.combined());
        assertTrue(again.combined().contains("orphan"), again.combined());

        // "COMPOSE_IGNORE_ORPHANS silences the warning"
        E2eFixture.Run ignored = quiet.ok(PsTest.args(f, "run", "back", "echo", "Hello again"));
        assertTrue(ignored.out().contains("Hello again"), ignored.combined());
        assertFalse(ignored.combined().contains("orphan"), ignored.combined());

        // "run --rm leaves the earlier one-offs alone and removes its own container"
        List<String> before = states.containers("back", true).stream().map(ContainerRecord::id).sorted().toList();
        E2eFixture.Run rm = quiet.ok(PsTest.args(f, "run", "--rm", "back", "echo", "Hello and gone"));
        assertTrue(rm.out().contains("Hello and gone"), rm.combined());
        assertEquals(before, states.containers("back", true).stream().map(ContainerRecord::id).sorted().toList());

        // "run --volumes bind-mounts the requested host path"
        String fixtureDir = E2eFixture.path("testdata/TestComposeRun");
        E2eFixture.Run volumes = quiet.ok(PsTest.args(f, "run", "--rm", "--volumes", fixtureDir + ":/foo", "back", "/bin/sh", "-c", "ls /foo"));
        assertTrue(volumes.out().contains("compose.yaml"), volumes.combined());

        // "run --env-from-file injects the file's variables"; "run --env injects the variable"
        E2eFixture.Run fromFile = quiet.ok(PsTest.args(f, "run", "--rm", "--env-from-file", fixtureDir + "/run.env", "front", "env"));
        assertTrue(fromFile.out().contains("FOO=BAR"), fromFile.combined());
        E2eFixture.Run env = quiet.ok(PsTest.args(f, "run", "--rm", "--env", "FOO=BAR", "front", "env"));
        assertTrue(env.out().contains("FOO=BAR"), env.combined());

        // exit codes pass through (issue 6's "run --rm … with exit codes passed through")
        E2eFixture.Run code = quiet.run(PsTest.args(f, "run", "--rm", "back", "sh", "-c", "exit 7"));
        assertEquals(7, code.code(), code.combined());

        c.downAndCheck(p);
    }

    private static String hostPort(ContainerRecord r, String port) {
        List<HostConfig.PortBinding> b = r.networkSettings().ports() == null ? null : r.networkSettings().ports().get(port);
        return b == null || b.isEmpty() ? null : b.get(0).hostPort();
    }

    @Test
    void testComposeRunPorts() throws Exception {
        String file = "testdata/TestComposeRunPorts/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-run-ports";
        int model = E2eFixture.freePort();
        int adHoc = E2eFixture.freePort();
        String override = c.override("ports.yaml", """
                services:
                  back:
                    ports: !override
                      - '127.0.0.1:%d:80'
                """.formatted(model) + E2eFixture.defaultNetwork(207));
        String[] f = {"-f", E2eFixture.path(file), "-f", override, "--project-name", p};
        ServiceStates states = new ServiceStates(c, p);

        // "run --publish maps the requested port, not the model's"
        c.ok(PsTest.args(f, "run", "--publish", "127.0.0.1:" + adHoc + ":80", "-d", "back", "/bin/sh", "-c", "sleep 30"));
        List<ContainerRecord> oneOffs = states.containers("back", true);
        assertEquals(1, oneOffs.size());
        assertEquals(String.valueOf(adHoc), hostPort(oneOffs.get(0), "80/tcp"));

        // "run --service-ports maps the model's ports"
        c.ok(PsTest.args(f, "run", "--service-ports", "-d", "back", "/bin/sh", "-c", "sleep 30"));
        List<String> mapped = states.containers("back", true).stream().map(r -> hostPort(r, "80/tcp")).sorted().toList();
        assertEquals(List.of(String.valueOf(adHoc), String.valueOf(model)).stream().sorted().toList(), mapped);

        c.downAndCheck(p);
    }

    @Test
    void testComposeRunDeps() throws Exception {
        String file = "testdata/TestComposeRunDeps/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-run-deps";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(208), "--project-name", p};
        ServiceStates states = new ServiceStates(c, p);

        // "run starts the shared dependency but not the sibling service"
        E2eFixture.Run first = c.ok(PsTest.args(f, "run", "service_a"));
        assertTrue(first.combined().contains("shared_dep"), first.combined());
        assertFalse(first.combined().contains("service_b"), first.combined());
        assertEquals(List.of(), states.containers("service_b", false));
        String dep = states.id("shared_dep");

        // "run --no-deps starts nothing but the one-off"
        E2eFixture.Run noDeps = c.withEnv(Map.of("COMPOSE_IGNORE_ORPHANS", "True")).ok(PsTest.args(f, "run", "--no-deps", "service_a"));
        assertFalse(noDeps.combined().contains("service_b"), noDeps.combined());
        assertFalse(noDeps.combined().contains("shared_dep"), noDeps.combined());
        assertEquals(dep, states.id("shared_dep"), "shared_dep was not recreated");
        assertEquals(List.of(), states.containers("service_b", false));

        c.downAndCheck(p);
    }

    @Test
    void testComposeRunNotRequiredDeps() throws Exception {
        String file = "testdata/TestComposeRunNotRequiredDeps/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-run-notreq";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(209), "--project-name", p};

        // "run executes the service without materializing the optional dependency"
        E2eFixture.Run r = c.ok(PsTest.args(f, "run", "foo"));
        assertTrue(r.out().contains("foo"), r.combined());
        assertEquals(List.of(), new ServiceStates(c, p).containers("bar", false));

        c.downAndCheck(p);
    }

    @Test
    void testComposeRunRmStopSignal() throws Exception {
        String file = "fixtures/ps-test/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-run-rmstop";
        String override = c.override("ports.yaml", """
                services:
                  busybox:
                    ports: !override
                      - '127.0.0.1:%d:8000'
                """.formatted(E2eFixture.freePort()) + E2eFixture.defaultNetwork(210));
        String[] f = {"--project-name", p, "-f", E2eFixture.path(file), "-f", override};

        c.ok(PsTest.args(f, "run", "--rm", "-d", "nginx"));
        ServiceStates states = new ServiceStates(c, p);
        String id = states.containers("nginx", true).get(0).id();
        // the Go test's docker stop: the nginx stand-in's SIGQUIT stop signal ends it, and --rm removes it
        c.engine.runtime().stop(id, Duration.ofSeconds(10), null);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!states.containers("nginx", true).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), states.containers("nginx", true), "--rm auto-removal after a stop");

        c.downAndCheck(p);
    }

    @Test
    void testComposeRunPipedInput() throws Exception {
        String file = "fixtures/run-test/piped-test.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-run-piped";
        String[] f = {"-p", p, "-f", E2eFixture.path(file), "-f", c.subnet(211)};

        // "compose run with piped input detection"
        E2eFixture.Run piped = c.runWithInput("piped-content\n", PsTest.args(f, "run", "--rm", "piped-test"));
        assertEquals(0, piped.code(), piped.combined());
        assertTrue(piped.out().contains("piped-content"), piped.combined());

        // "compose run piped input should not allocate TTY"
        E2eFixture.Run noTty = c.runWithInput("\n", PsTest.args(f, "run", "--rm", "tty-test"));
        assertEquals(0, noTty.code(), noTty.combined());
        assertTrue(noTty.out().contains("No TTY detected"), noTty.combined());

        // "compose run piped input with explicit --tty should fail"
        E2eFixture.Run tty = c.runWithInput("test\n", PsTest.args(f, "run", "--rm", "--tty", "piped-test"));
        assertEquals(1, tty.code(), tty.combined());
        assertTrue(tty.err().contains("cannot attach stdin to a TTY-enabled container because stdin is not a terminal"), tty.combined());

        c.downAndCheck(p);
    }
}
