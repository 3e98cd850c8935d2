package dev.jcompose.engine.shim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A minimal rootfs for root tests: Debian's static busybox (package busybox-static) and its applet links. */
public final class BusyboxRootfs {
    public static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final List<String> APPLETS = List.of("sh", "echo", "cat", "ls", "id", "hostname", "sleep", "grep", "touch",
            "pwd", "env", "nc", "true", "false", "kill", "ps", "mount", "wc", "head", "tail", "printf", "test", "[", "unshare", "sysctl",
            "dnsdomainname", "linux32", "cut", "sed", "chroot", "seq");

    private BusyboxRootfs() {
    }

    /** Whether the static busybox is installed (the tests that need it skip with this reason otherwise). */
    public static boolean available() {
        return Files.isExecutable(BUSYBOX);
    }

    public static Path create(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        for (String a : APPLETS) {
            Files.createSymbolicLink(bin.resolve(a), Path.of("busybox"));
        }
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        Files.createDirectories(dir.resolve("tmp"));
        return dir;
    }

    /** Gives the whole tree to a remapped root (uid and gid on the host), as runc's user-namespace tests prepare a rootfs. */
    public static Path chown(Path dir, int uid, int gid) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setAttribute(f, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(f, "unix:gid", gid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
        return dir;
    }
}
