package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running container's /etc/hosts rewritten under it: same inode, and never without its localhost lines. */
class HostsFileRewriteTest {
    private static final String LOCAL = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";
    private static final String SHORT = LOCAL;
    private static final String LONG = LOCAL + "172.30.0.2\tweb web-1 3f2a9c\n172.30.0.3\tdb db-1 9d8e7f\n";

    @TempDir
    Path dir;

    @Test
    void rewritesTheSameInodeLongerAndShorter() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, SHORT);
        Object inode = Files.readAttributes(hosts, BasicFileAttributes.class).fileKey();
        HostsFiles.rewriteInPlace(hosts, LONG.getBytes(StandardCharsets.UTF_8));
        assertEquals(LONG, Files.readString(hosts));
        HostsFiles.rewriteInPlace(hosts, SHORT.getBytes(StandardCharsets.UTF_8));
        assertEquals(SHORT, Files.readString(hosts), "cut to the new length");
        assertEquals(inode, Files.readAttributes(hosts, BasicFileAttributes.class).fileKey(), "a bind mount pins the inode");
    }

    @Test
    void leavesAnUnchangedFileAlone() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, LONG);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(hosts, old);
        HostsFiles.rewriteInPlace(hosts, LONG.getBytes(StandardCharsets.UTF_8));
        assertEquals(old, Files.getLastModifiedTime(hosts), "same content: not written");
    }

    /** Files.writeString truncates first: a reader in between saw an empty file (busybox ping: "bad address 'localhost'"). */
    @Test
    void aConcurrentReaderAlwaysFindsLocalhost() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, SHORT);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<String> bad = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get() && bad.get() == null) {
                try {
                    String seen = Files.readString(hosts);
                    reads.incrementAndGet();
                    if (!seen.startsWith("127.0.0.1\tlocalhost\n")) {
                        bad.set(seen);
                    }
                } catch (Exception e) {
                    bad.set(e.toString());
                }
            }
        });
        reader.start();
        byte[] shorter = SHORT.getBytes(StandardCharsets.UTF_8);
        byte[] longer = LONG.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000 && bad.get() == null; i++) {
            HostsFiles.rewriteInPlace(hosts, i % 2 == 0 ? longer : shorter);
        }
        writing.set(false);
        reader.join();
        assertEquals(null, bad.get(), "a read while the file was rewritten");
        assertTrue(reads.get() > 100, "the reader ran alongside the writes: " + reads.get() + " reads");
    }
}
