package dev.jcompose.engine.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths and links resolved inside a root, never outside it. */
class ScopedPathTest {
    @TempDir
    Path root;

    @Test
    void linksAndDotDotStayInsideTheRoot() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("data/sub"));
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../../../.."));
        Files.createSymbolicLink(root.resolve("data/rel"), Path.of("sub"));
        Files.createSymbolicLink(root.resolve("data/etclink"), Path.of("/etc"));

        assertEquals("/etc/passwd", ScopedPath.resolve(root, "/abs/etc/passwd", false).container());
        assertEquals("/etc", ScopedPath.resolve(root, "/up/etc", false).container());
        assertEquals("/etc", ScopedPath.resolve(root, "../../etc", false).container());
        assertEquals("/data/sub/x", ScopedPath.resolve(root, "/data/rel/x", false).container());
        assertEquals("/etc/hosts", ScopedPath.resolve(root, "data/etclink/hosts", false).container());
        assertEquals(root.resolve("etc/hosts"), ScopedPath.resolve(root, "data/etclink/hosts", false).host());
    }

    @Test
    void theLastLinkIsFollowedOnlyWhenAsked() throws Exception {
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/"));
        assertEquals("/abs", ScopedPath.resolve(root, "/abs", false).container());
        assertEquals("/", ScopedPath.resolve(root, "/abs", true).container());
        assertEquals(root.resolve("."), ScopedPath.resolve(root, "/abs", true).host());
    }

    @Test
    void aRootThatIsALinkIsStatedAsTheDirectoryItLeadsTo() throws Exception {
        Files.createDirectories(root.resolve("real"));
        Path link = Files.createSymbolicLink(root.resolve("rootlink"), root.resolve("real"));
        PathStat stat = PathStat.of(ScopedPath.resolve(link, "/", true), "/");
        assertTrue(stat.isDir(), "as /proc/<pid>/root: " + stat);
        assertEquals("", stat.linkTarget());
    }

    @Test
    void linkLoopsEndWithAnError() throws Exception {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        assertThrows(IOException.class, () -> ScopedPath.resolve(root, "/a/x", false));
    }
}
