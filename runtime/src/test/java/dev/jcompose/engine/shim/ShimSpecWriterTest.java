package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.seccomp.BpfProgram;
import dev.jcompose.engine.seccomp.DockerSeccompProfile;
import dev.jcompose.engine.seccomp.SeccompCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec keys of seccomp, init and rotation, and the shim's answer to bad values (no root needed: it fails while parsing). */
class ShimSpecWriterTest {
    @TempDir
    Path dir;

    private ShimSpec spec() {
        return new ShimSpec(dir.resolve("rootfs"), null, false, "h", null, List.of("true"), List.of(), "/", 0, 0, List.of(), 0, false,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, true, null, dir.resolve("log.json"), dir.resolve("exit.json"));
    }

    @Test
    void seccompInitAndRotationKeys() throws Exception {
        BpfProgram filter = SeccompCompiler.compile(DockerSeccompProfile.profile(), java.util.Set.of());
        Path file = dir.resolve("shim.spec");
        ShimSpecWriter.write(spec().withSeccomp(filter).withInit(true).withLogRotation(new LogRotation(1000, 3)), file);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.contains("seccomp " + dir.resolve("shim.spec.seccomp")), lines.toString());
        assertTrue(lines.containsAll(List.of("init 1", "log_max_size 1000", "log_max_files 3")), lines.toString());
        assertArrayEquals(filter.bytes(), Files.readAllBytes(ShimSpecWriter.seccompFile(file)));

        ShimSpecWriter.write(spec(), file);
        assertFalse(Files.exists(ShimSpecWriter.seccompFile(file)), "an unconfined spec leaves no stale filter behind");
        assertTrue(Files.readAllLines(file).stream().noneMatch(l -> l.startsWith("seccomp") || l.startsWith("init") || l.startsWith("log_max")));
    }

    @Test
    void stdioKeysForTtyAndOpenStdin() throws Exception {
        Path file = dir.resolve("shim.spec");
        ShimSpecWriter.write(spec().withStdio(ContainerStdio.of(true, true, dir)), file);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.containsAll(List.of("tty 1", "stdin_fifo " + dir.resolve("stdin.fifo"), "ctl_fifo " + dir.resolve("ctl.fifo"))),
                lines.toString());
        ShimSpecWriter.write(spec().withStdio(ContainerStdio.of(true, false, dir)), file);
        lines = Files.readAllLines(file);
        assertTrue(lines.contains("tty 1") && lines.contains("ctl_fifo " + dir.resolve("ctl.fifo")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("stdin_fifo")), "no open stdin: no stdin FIFO " + lines);
        assertEquals(ContainerStdio.NONE, ContainerStdio.of(false, false, dir));
        ShimSpecWriter.write(spec().withStdio(ContainerStdio.of(true, false, dir)).withInit(true).withLogRotation(LogRotation.NONE), file);
        assertTrue(Files.readAllLines(file).containsAll(List.of("tty 1", "init 1")), "the with… methods keep each other's settings");
        ShimSpecWriter.write(spec().withStdio(ContainerStdio.of(true, false, dir).withConsoleSize(21, 77)), file);
        assertTrue(Files.readAllLines(file).contains("winsize 21 77"), "ConsoleSize: the pty's first size");
        assertEquals(ContainerStdio.NONE, ContainerStdio.NONE.withConsoleSize(21, 77), "no TTY: no size");
        ShimSpecWriter.write(spec().withStdio(ContainerStdio.of(true, false, dir)), file);
        assertTrue(Files.readAllLines(file).stream().noneMatch(l -> l.startsWith("winsize")), "no ConsoleSize: the pty's default");
        ShimSpecWriter.write(spec().withStdio(ContainerStdio.NONE), file);
        assertTrue(Files.readAllLines(file).stream().noneMatch(l -> l.startsWith("tty") || l.contains("_fifo")), "NONE writes nothing");
    }

    @Test
    void userNamespaceKeys() throws Exception {
        Path file = dir.resolve("shim.spec");
        UserNamespace userns = new UserNamespace(List.of(new UserNamespace.IdMapping(0, 100000, 1000), new UserNamespace.IdMapping(1000, 1000, 1)),
                List.of(new UserNamespace.IdMapping(0, 200000, 65536)));
        ShimSpecWriter.write(spec().withUserns(userns).withInit(true), file);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.containsAll(List.of("userns 1", "uid_map 0 100000 1000", "uid_map 1000 1000 1", "gid_map 0 200000 65536", "init 1")),
                lines.toString());
        assertEquals(100999, userns.hostUid(999));
        assertEquals(1000, userns.hostUid(1000));
        assertEquals(-1, userns.hostUid(1001));
        assertEquals(200000, userns.hostGid(0));
        assertEquals(999, userns.containerUid(100999), "and back");
        assertEquals(1000, userns.containerUid(1000));
        assertEquals(-1, userns.containerUid(0), "host root is nobody inside");
        assertEquals(65535, userns.containerGid(265535));
        ShimSpecWriter.write(spec(), file);
        assertTrue(Files.readAllLines(file).stream().noneMatch(l -> l.startsWith("userns") || l.contains("_map")), "no userns: no keys");
        assertThrows(IllegalArgumentException.class, () -> UserNamespace.of(4294967295L, 0, 2), "beyond the 32-bit ids");
    }

    @Test
    void theShimRefusesBadValuesWithAStructuredError() throws Exception {
        Path shim = ShimBinary.locate(dir.resolve("state"));
        Path file = dir.resolve("shim.spec");
        ShimSpecWriter.write(spec(), file);
        Files.writeString(file, "log_max_files 0\n", java.nio.file.StandardOpenOption.APPEND);
        ShimException e = assertThrows(ShimException.class, () -> ShimProcess.start(shim, file, dir.resolve("err")));
        assertEquals("spec", e.stage());
        assertEquals("log_max_files \"0\" is not 1 to 1000", e.getMessage());

        ShimSpecWriter.write(spec(), file);
        Files.write(dir.resolve("bad.seccomp"), new byte[] {1, 2, 3});
        Files.writeString(file, "seccomp " + dir.resolve("bad.seccomp") + "\n", java.nio.file.StandardOpenOption.APPEND);
        e = assertThrows(ShimException.class, () -> ShimProcess.start(shim, file, dir.resolve("err")));
        assertEquals("seccomp", e.stage());
        assertTrue(e.getMessage().contains("is not 1 to 4096 BPF instructions (3 bytes)"), e.getMessage());

        ShimSpecWriter.write(spec(), file);
        Files.writeString(file, "winsize 24\n", java.nio.file.StandardOpenOption.APPEND);
        e = assertThrows(ShimException.class, () -> ShimProcess.start(shim, file, dir.resolve("err")));
        assertEquals("winsize \"24\" is not \"rows cols\"", e.getMessage());

        ShimSpecWriter.write(spec(), file);
        Files.writeString(file, "userns 1\nuid_map 0 100000\n", java.nio.file.StandardOpenOption.APPEND);
        e = assertThrows(ShimException.class, () -> ShimProcess.start(shim, file, dir.resolve("err")));
        assertEquals("uid_map \"0 100000\" is not \"inside outside count\"", e.getMessage());
    }
}
