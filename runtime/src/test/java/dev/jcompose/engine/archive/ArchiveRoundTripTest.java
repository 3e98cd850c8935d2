package dev.jcompose.engine.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree written as Docker's archive tar and unpacked again, the stat header, and entries that try to leave the root. */
class ArchiveRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void aTreeRoundTripsWithItsNameModesAndLinks() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(dir.resolve("src/a.sh"), "echo a\n");
        Files.setPosixFilePermissions(dir.resolve("src/a.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(src.resolve("b.txt"), "b\n");
        Files.createSymbolicLink(dir.resolve("src/link"), Path.of("sub/b.txt"));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        TreeTar.write(dir.resolve("src"), "copy", tar);

        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        assertEquals(List.of("copy/", "copy/a.sh", "copy/link", "copy/sub/", "copy/sub/b.txt"), names);

        Path dest = Files.createDirectories(dir.resolve("dest"));
        int n = TarExtract.extract(new ByteArrayInputStream(tar.toByteArray()), dest, "/", new TarExtract.Options("renamed",
                TarExtract.Ownership.CALLER, false));
        assertEquals(5, n);
        assertEquals("b\n", Files.readString(dest.resolve("renamed/sub/b.txt")));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("renamed/a.sh"))));
        assertEquals(Path.of("sub/b.txt"), Files.readSymbolicLink(dest.resolve("renamed/link")));
    }

    @Test
    void entriesCannotLeaveTheRootByNameOrThroughALink() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(dir.resolve("outside"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry link = new TarArchiveEntry("escape", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("../outside");
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
            for (String name : List.of("escape/through-link.txt", "../../outside/dotdot.txt")) {
                TarArchiveEntry f = new TarArchiveEntry(name);
                f.setSize(1);
                out.putArchiveEntry(f);
                out.write('x');
                out.closeArchiveEntry();
            }
        }
        TarExtract.extract(new ByteArrayInputStream(bytes.toByteArray()), root, "/", new TarExtract.Options(null, TarExtract.Ownership.CALLER,
                false));
        assertFalse(Files.exists(dir.resolve("outside/through-link.txt")), "the link resolved inside the root");
        assertFalse(Files.exists(dir.resolve("outside/dotdot.txt")), ".. stops at the root");
        assertTrue(Files.exists(root.resolve("dotdot.txt")) || Files.exists(root.resolve("outside/dotdot.txt")));
    }

    @Test
    void noOverwriteDirNonDirRefusesToReplaceADirectory() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root2/target"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry f = new TarArchiveEntry("target");
            f.setSize(0);
            out.putArchiveEntry(f);
            out.closeArchiveEntry();
        }
        IOException e = assertThrows(IOException.class, () -> TarExtract.extract(new ByteArrayInputStream(bytes.toByteArray()),
                root.getParent(), "/", new TarExtract.Options(null, TarExtract.Ownership.CALLER, true)));
        assertTrue(e.getMessage().startsWith("cannot overwrite directory \"/target\""), e.getMessage());
    }

    @Test
    void theStatHeaderIsDockersGoFileModeInBase64Json() throws Exception {
        Files.createDirectories(dir.resolve("d"));
        Files.setPosixFilePermissions(dir.resolve("d"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(dir.resolve("l"), Path.of("/d"));
        ObjectMapper json = new ObjectMapper();
        PathStat d = PathStat.of(ScopedPath.resolve(dir, "/d", false), "d");
        assertTrue(d.isDir());
        assertEquals(PathStat.MODE_DIR | 0755, d.mode());
        PathStat back = PathStat.fromHeader(d.header(json), json);
        assertEquals(d, back);
        PathStat l = PathStat.of(ScopedPath.resolve(dir, "/l", false), "l");
        assertEquals("/d", l.linkTarget(), "the link's target, resolved in the root");
        assertTrue((l.mode() & PathStat.MODE_SYMLINK) != 0);
        assertEquals(PathStat.MODE_DIR | 0755, PathStat.goMode(040755));
        assertEquals(PathStat.MODE_SETUID | 0755, PathStat.goMode(0104755));
        assertEquals(PathStat.MODE_DEVICE | PathStat.MODE_CHAR_DEVICE | 0666, PathStat.goMode(020666));
    }

    @Test
    void renameReplacesTheFirstElementOnly() {
        assertEquals("x/b/c", TarExtract.rename("./a/b/c", "x"));
        assertEquals("x", TarExtract.rename("a/", "x"));
        assertEquals("a/b", TarExtract.rename("/a/b", null));
        assertEquals("/b", TarExtract.rename("a/b", ""));
    }
}
