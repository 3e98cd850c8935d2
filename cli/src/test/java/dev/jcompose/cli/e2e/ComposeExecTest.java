package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/compose_exec_test.go}: "TestLocalComposeExec" and
 * "TestLocalComposeExecOneOff" on {@code testdata/TestLocalComposeExec} (the scenarios' {@code execCompose};
 * {@code top} is busybox's). The CLI runs with stdin from {@code /dev/null}, so exec allocates no TTY,
 * as under the Go test's {@code icmd}.
 */
class ComposeExecTest extends E2eTest {
    private static final String FILE = "testdata/TestLocalComposeExec/compose.yaml";

    private String[] files(String project, int subnet) throws Exception {
        return new String[] {"-f", E2eFixture.path(FILE), "-f", c.subnet(subnet), "--project-name", project};
    }

    @Test
    void testLocalComposeExec() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String p = "e2eb-exec";
        String[] f = files(p, 201);
        c.ok(PsTest.args(f, "up", "-d"));
        assertEquals("running", new ServiceStates(c, p).service("simple"));

        // "a successful command exits 0"
        c.ok(PsTest.args(f, "exec", "simple", "/bin/true"));

        // "a failing command's exit code is propagated"
        E2eFixture.Run fail = c.run(PsTest.args(f, "exec", "simple", "/bin/false"));
        assertEquals(1, fail.code(), fail.combined());
        E2eFixture.Run three = c.run(PsTest.args(f, "exec", "simple", "sh", "-c", "exit 3"));
        assertEquals(3, three.code(), "any exit code passes through: " + three.combined());

        // "exec -e forwards the variable when set on the caller"
        E2eFixture.Run set = c.withEnv(Map.of("FOO", "BAR")).ok(PsTest.args(f, "exec", "-e", "FOO", "simple", "/usr/bin/env"));
        assertTrue(set.combined().contains("FOO=BAR"), set.combined());

        // "exec -e without a value does not leak an empty variable"
        E2eFixture.Run unset = c.ok(PsTest.args(f, "exec", "-e", "FOO", "simple", "/usr/bin/env"));
        assertFalse(unset.combined().contains("FOO="), unset.combined());

        // beyond the Go test, the flags issue 6 names: -T, -w, -u, and output on stdout
        E2eFixture.Run wd = c.ok(PsTest.args(f, "exec", "-T", "-w", "/tmp", "-u", "nobody", "simple", "sh", "-c", "pwd; id -u"));
        assertEquals(List.of("/tmp", "65534"), wd.out().lines().toList(), wd.combined());

        c.downAndCheck(p);
    }

    @Test
    void testLocalComposeExecOneOff() throws Exception {
        c = E2eFixture.start(dir, FILE);
        String p = "e2eb-exec-oneoff";
        String[] f = files(p, 202);
        ServiceStates states = new ServiceStates(c, p);

        // "run starts a detached one-off"
        c.ok(PsTest.args(f, "run", "-d", "simple", "top"));
        assertEquals("running", states.oneOff("simple"));

        // "exec lands in the one-off container"
        E2eFixture.Run env = c.ok(PsTest.args(f, "exec", "-e", "FOO", "simple", "/usr/bin/env"));
        assertFalse(env.combined().contains("FOO="), env.combined());

        // "exec --index rejects a one-off: it is not replica #1"
        E2eFixture.Run indexed = c.run(PsTest.args(f, "exec", "--index", "1", "-e", "FOO", "simple", "/usr/bin/env"));
        assertEquals(1, indexed.code(), indexed.combined());
        assertTrue(indexed.combined().contains("service \"simple\" is not running container #1"), indexed.combined());

        c.downAndCheck(p);
    }
}
