package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/cp_test.go} "TestCopy" on {@code testdata/TestCopy}: cp into every
 * replica by default, into one with {@code --index}, out of replica #1 by default or the chosen one,
 * and folders both ways.
 *
 * <p>Differences from the Go test: files copied out go to the test's own directory, not beside the
 * fixture (the corpus is read only); the Go test's {@code docker exec <container> cat} is
 * {@code exec --index N} here. {@code --all} (one-off containers too), which the Go test does not
 * cover, is checked at the end.
 */
class CpTest extends E2eTest {
    private static final String DIR = "testdata/TestCopy";

    private E2eFixture.Run cat(String[] f, int index, String file) throws Exception {
        return c.run(PsTest.args(f, "exec", "-T", "--index", String.valueOf(index), "nginx", "cat", file));
    }

    @Test
    void testCopy() throws Exception {
        c = E2eFixture.start(dir, DIR + "/compose.yaml", DIR + "/cp-me.txt", DIR + "/cp-folder/cp-me.txt");
        String p = "e2eb-copy";
        String src = E2eFixture.path(DIR);
        String[] f = {"-f", src + "/compose.yaml", "-f", c.subnet(205), "--project-name", p};

        // "up starts five replicas"
        c.ok(PsTest.args(f, "up", "--scale", "nginx=5", "-d"));
        assertEquals(5, new ServiceStates(c, p).containers("nginx", false).stream().filter(r -> r.state().running()).count());

        // "cp to the service reaches every replica by default"
        c.ok(PsTest.args(f, "cp", src + "/cp-me.txt", "nginx:/tmp/default.txt"));
        for (int i = 1; i <= 5; i++) {
            E2eFixture.Run r = cat(f, i, "/tmp/default.txt");
            assertTrue(r.out().contains("hello world"), "replica #" + i + ": " + r.combined());
        }

        // "cp --index targets a single replica"; "the other replicas did not"
        c.ok(PsTest.args(f, "cp", "--index=3", src + "/cp-me.txt", "nginx:/tmp/indexed.txt"));
        assertTrue(cat(f, 3, "/tmp/indexed.txt").out().contains("hello world"));
        E2eFixture.Run other = cat(f, 2, "/tmp/indexed.txt");
        assertEquals(1, other.code(), other.combined());

        // "cp from the service reads from replica #1 by default"
        Path fromDefault = dir.resolve("from-default.txt");
        c.ok(PsTest.args(f, "cp", "nginx:/tmp/default.txt", fromDefault.toString()));
        assertEquals("hello world\n", Files.readString(fromDefault));

        // "cp --index reads from the chosen replica"
        Path fromIndexed = dir.resolve("from-indexed.txt");
        c.ok(PsTest.args(f, "cp", "--index=3", "nginx:/tmp/indexed.txt", fromIndexed.toString()));
        assertEquals("hello world\n", Files.readString(fromIndexed));

        // "cp copies a folder into the container"; "cp copies a folder out of the container"
        c.ok(PsTest.args(f, "cp", src + "/cp-folder", "nginx:/tmp"));
        assertTrue(cat(f, 1, "/tmp/cp-folder/cp-me.txt").out().contains("hello world from folder"));
        Path folder2 = dir.resolve("cp-folder2");
        c.ok(PsTest.args(f, "cp", "nginx:/tmp/cp-folder", folder2.toString()));
        assertEquals("hello world from folder\n\n", Files.readString(folder2.resolve("cp-me.txt")), "the fixture file ends with an empty line");

        // --all: one-off containers are included only when asked (checked in the one-off's overlay upper dir)
        c.ok(PsTest.args(f, "run", "-d", "--no-deps", "nginx", "sleep", "300"));
        String oneOff = new ServiceStates(c, p).containers("nginx", true).get(0).id();
        Path upperTmp = dir.resolve("root/containers/" + oneOff + "/upper/tmp");
        c.ok(PsTest.args(f, "cp", src + "/cp-me.txt", "nginx:/tmp/all.txt"));
        assertFalse(Files.exists(upperTmp.resolve("all.txt")), "cp without --all left one-offs alone");
        c.ok(PsTest.args(f, "cp", "--all", src + "/cp-me.txt", "nginx:/tmp/all2.txt"));
        assertEquals("hello world\n", Files.readString(upperTmp.resolve("all2.txt")));

        c.downAndCheck(p);
    }
}
