package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupFsTest {
    @TempDir
    Path tmp;

    @Test
    void writeNeverCreatesAMissingControlFile() throws Exception {
        CgroupFs fs = new CgroupFs();
        CgroupException e = assertThrows(CgroupException.class, () -> fs.write(tmp, "memory.max", "100"));
        assertEquals("setting memory.max=100 in " + tmp + ": No such file or directory", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("memory.max")));
    }

    @Test
    void writeReplacesAndReadTrims() throws Exception {
        CgroupFs fs = new CgroupFs();
        Files.writeString(tmp.resolve("pids.max"), "max\n");
        fs.write(tmp, "pids.max", "12");
        assertEquals("12", fs.read(tmp, "pids.max"));
        assertEquals(List.of(), fs.pids(tmp, "cgroup.procs"), "a missing procs file lists no pids");
    }

    @Test
    void mkdirsToleratesAParentMadeConcurrently() throws Exception {
        // another container creates the shared parent between our check and our mkdir
        CgroupFs racing = new CgroupFs() {
            @Override
            protected void mkdir(Path dir) throws IOException {
                Files.createDirectory(dir);
                if (dir.getFileName().toString().equals("jcompose")) {
                    throw new FileAlreadyExistsException(dir.toString());
                }
            }
        };
        List<Path> created = racing.mkdirs(tmp.resolve("jcompose/abc"));

        assertTrue(Files.isDirectory(tmp.resolve("jcompose/abc")));
        assertEquals(List.of(tmp.resolve("jcompose/abc")), created, "only what this call made counts as created");
    }

    @Test
    void rmdirOfAMissingCgroupIsNotAnError() throws Exception {
        new CgroupFs().rmdir(tmp.resolve("gone"));
        assertFalse(Files.exists(tmp.resolve("gone")));
    }
}
