package dev.jcompose.engine.image.unpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.image.ref.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking without privileges: content, links, modes, times, compression, and hostile names. */
class LayerUnpackerTest {
    private static final NativeFs FS = new NativeFs();
    private final LayerUnpacker unpacker = new LayerUnpacker(FS, new UnpackOptions(false, false));

    @TempDir
    Path tmp;

    private Path layer() {
        return tmp.resolve("layer");
    }

    private UnpackResult unpack(byte[] tar) {
        return unpacker.unpack("sha256:test", new ByteArrayInputStream(tar), layer());
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static FileTime mtime(Path p) throws IOException {
        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void filesDirsSymlinksHardlinksAndFifos() throws IOException {
        byte[] tar = new TarBuilder()
                .dir("etc", 0755)
                .file("etc/hostname", 0644, "box\n")
                .dir("bin", 0755)
                .file("bin/busybox", 04755, "ELF")
                .hardlink("bin/sh", "bin/busybox")
                .symlink("bin/ls", "busybox")
                .symlink("etc/passwd-link", "/etc/passwd")
                .dir("tmp", 01777)
                .fifo("run.fifo")
                .file("deep/missing/parents/f", 0600, "x")
                .tar();
        UnpackResult r = unpack(tar);
        Path l = layer();
        assertEquals("box\n", Files.readString(l.resolve("etc/hostname")));
        assertEquals(04755, mode(l.resolve("bin/busybox")));
        assertEquals(01777, mode(l.resolve("tmp")));
        assertEquals(0600, mode(l.resolve("deep/missing/parents/f")));
        assertEquals(0755, mode(l.resolve("deep/missing")));
        assertEquals(Files.getAttribute(l.resolve("bin/busybox"), "unix:ino"), Files.getAttribute(l.resolve("bin/sh"), "unix:ino"));
        assertEquals(2, Files.getAttribute(l.resolve("bin/busybox"), "unix:nlink"));
        assertEquals(Path.of("busybox"), Files.readSymbolicLink(l.resolve("bin/ls")));
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(l.resolve("etc/passwd-link")));
        assertTrue((Integer) Files.getAttribute(l.resolve("run.fifo"), "unix:mode", LinkOption.NOFOLLOW_LINKS) / 010000 == 01);
        assertEquals(10, r.entries());
        assertEquals(Digest.of(tar), r.diffId());
        assertEquals(tar.length, r.tarBytes());
    }

    @Test
    void mtimesOnFilesSymlinksAndDirectoriesAfterTheirContent() throws IOException {
        byte[] tar = new TarBuilder().dir("d", 0755).file("d/f", 0644, "x").symlink("d/s", "f").dir("d/sub", 0700)
                .file("d/sub/g", 0644, "y").tar();
        unpack(tar);
        FileTime t0 = FileTime.from(TarBuilder.T0);
        // nanoseconds survive only where PAX carries them; compare at second precision the tar header has
        assertEquals(t0.toMillis() / 1000, mtime(layer().resolve("d/f")).toMillis() / 1000);
        assertEquals(t0.toMillis() / 1000, mtime(layer().resolve("d/s")).toMillis() / 1000);
        assertEquals(t0.toMillis() / 1000, mtime(layer().resolve("d")).toMillis() / 1000);
        assertEquals(t0.toMillis() / 1000, mtime(layer().resolve("d/sub")).toMillis() / 1000);
        assertEquals(0700, mode(layer().resolve("d/sub")));
    }

    @Test
    void paxMtimeKeepsSubSecondPrecisionAndUserXattrsAreSet() throws IOException {
        byte[] tar = new TarBuilder().fileWith("f", 0644, "x", 0, 0, TarBuilder.T0, Map.of("SCHILY.xattr.user.note", "hello"))
                .tar();
        unpack(tar);
        // Commons Compress writes PAX times in 100 ns ticks
        assertEquals(TarBuilder.T0.toEpochMilli() * 1000 + 456, mtime(layer().resolve("f")).to(java.util.concurrent.TimeUnit.MICROSECONDS));
        assertEquals("hello", FS.getXattrString(layer().resolve("f"), "user.note"));
    }

    @Test
    void gzipAndZstdLayersGiveTheDiffIdOfTheUncompressedTar() throws IOException {
        byte[] tar = new TarBuilder().file("a", 0644, "a".repeat(100_000)).tar();
        UnpackResult gz = unpacker.unpack("gz", new ByteArrayInputStream(TarBuilder.gzip(tar)), tmp.resolve("gz"));
        UnpackResult zs = unpacker.unpack("zstd", new ByteArrayInputStream(TarBuilder.zstd(tar)), tmp.resolve("zs"));
        assertEquals(Digest.of(tar), gz.diffId());
        assertEquals(Digest.of(tar), zs.diffId());
        assertEquals(100_000, Files.size(tmp.resolve("zs/a")));
        assertEquals("a".repeat(100_000), Files.readString(tmp.resolve("gz/a")));
    }

    @Test
    void laterEntriesReplaceEarlierOnesOfAnotherKind() throws IOException {
        byte[] tar = new TarBuilder().dir("x", 0755).file("x/in", 0644, "1").file("x", 0644, "now a file")
                .symlink("y", "x").file("y", 0600, "replaced the link").tar();
        unpack(tar);
        assertEquals("now a file", Files.readString(layer().resolve("x")));
        assertFalse(Files.isSymbolicLink(layer().resolve("y")));
        assertEquals("replaced the link", Files.readString(layer().resolve("y")));
    }

    @Test
    void devicesAreSkippedAndCountedWithoutPrivileges() {
        UnpackResult r = unpack(new TarBuilder().device("dev/null", true, 1, 3).file("a", 0644, "x").tar());
        assertEquals(1, r.skippedDevices());
        assertFalse(Files.exists(layer().resolve("dev/null"), LinkOption.NOFOLLOW_LINKS));
    }

    // ---- hostile layers: nothing may appear outside the layer root ----

    private void assertRejected(byte[] tar, String expectedMessage) throws IOException {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("passwd"), "root:x:0:0\n");
        LayerException e = assertThrows(LayerException.class, () -> unpack(tar));
        assertEquals(expectedMessage, e.getMessage());
        try (var s = Files.list(outside)) {
            assertEquals(1, s.count(), "nothing new next to the sentinel");
        }
        assertEquals("root:x:0:0\n", Files.readString(outside.resolve("passwd")));
        try (var s = Files.list(tmp)) {
            assertEquals(2, s.count(), "only the layer dir and the outside dir exist");
        }
    }

    @Test
    void dotDotIsRejected() throws IOException {
        assertRejected(new TarBuilder().file("../outside/passwd", 0644, "pwned").tar(),
                "layer sha256:test: entry \"../outside/passwd\" escapes the layer root");
        assertRejected(new TarBuilder().file("a/b/../../../outside/new", 0644, "pwned").tar(),
                "layer sha256:test: entry \"a/b/../../../outside/new\" escapes the layer root");
    }

    @Test
    void absoluteNamesAreRejected() throws IOException {
        assertRejected(new TarBuilder().file(tmp.resolve("outside/new").toString(), 0644, "pwned").tar(),
                "layer sha256:test: entry \"" + tmp.resolve("outside/new") + "\" escapes the layer root");
    }

    @Test
    void symlinkThenWriteThroughItIsRejectedWhenItClimbsOut() throws IOException {
        assertRejected(new TarBuilder().symlink("evil", "../outside").file("evil/passwd", 0644, "pwned").tar(),
                "layer sha256:test: entry \"evil/passwd\" escapes the layer root");
        assertRejected(new TarBuilder().dir("a", 0755).symlink("a/up", "../../outside").file("a/up/new", 0644, "pwned").tar(),
                "layer sha256:test: entry \"a/up/new\" escapes the layer root");
    }

    @Test
    void absoluteSymlinkInThePathIsResolvedInsideTheRoot() throws IOException {
        String outside = tmp.resolve("outside").toString();
        Files.createDirectories(Path.of(outside));
        unpack(new TarBuilder().symlink("evil", outside).file("evil/new", 0644, "contained").tar());
        assertFalse(Files.exists(Path.of(outside, "new")));
        assertEquals("contained", Files.readString(layer().resolve(outside.substring(1)).resolve("new")));
    }

    @Test
    void writingOverASymlinkReplacesTheLinkInsteadOfWritingThroughIt() throws IOException {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("passwd"), "root:x:0:0\n");
        unpack(new TarBuilder().symlink("p", outside.resolve("passwd").toString()).file("p", 0644, "pwned").tar());
        assertEquals("root:x:0:0\n", Files.readString(outside.resolve("passwd")));
        assertEquals("pwned", Files.readString(layer().resolve("p")));
    }

    @Test
    void hardlinksOutsideTheLayerAreRejected() throws IOException {
        assertRejected(new TarBuilder().hardlink("pw", "../outside/passwd").tar(),
                "layer sha256:test: entry \"pw\" links to \"../outside/passwd\", which escapes the layer root");
        assertRejected(new TarBuilder().hardlink("pw", "/etc/passwd").tar(),
                "layer sha256:test: entry \"pw\" links to \"/etc/passwd\", which escapes the layer root");
        assertRejected(new TarBuilder().symlink("up", "..").hardlink("pw", "up/outside/passwd").tar(),
                "layer sha256:test: entry \"pw\" links to \"up/outside/passwd\", which escapes the layer root");
    }

    @Test
    void hardlinkToASymlinkLinksTheSymlinkNotItsTarget() throws IOException {
        long before = (Integer) Files.getAttribute(Path.of("/etc/passwd"), "unix:nlink");
        unpack(new TarBuilder().symlink("s", "/etc/passwd").hardlink("h", "s").tar());
        assertTrue(Files.isSymbolicLink(layer().resolve("h")));
        assertEquals(before, (long) (Integer) Files.getAttribute(Path.of("/etc/passwd"), "unix:nlink"));
    }

    @Test
    void whiteoutOfTheParentIsRejectedAndAufsMetadataIgnored() throws IOException {
        assertRejected(new TarBuilder().file("../.wh.outside", 0644, "").tar(),
                "layer sha256:test: entry \"../.wh.outside\" escapes the layer root");
        unpack(new TarBuilder().file(".wh..wh.plnk/1234.1", 0644, "").file("a", 0644, "x").tar());
        assertNull(LayerRoot.attrs(layer().resolve("1234.1")));
        assertTrue(Files.exists(layer().resolve("a")));
    }

    @Test
    void truncatedLayerFails() {
        byte[] tar = TarBuilder.gzip(new TarBuilder().file("a", 0644, "x".repeat(10_000)).tar());
        byte[] cut = java.util.Arrays.copyOf(tar, tar.length / 2);
        LayerException e = assertThrows(LayerException.class, () -> unpack(cut));
        assertTrue(e.getMessage().startsWith("layer sha256:test: unpacking into "), e.getMessage());
    }

    @Test
    void fileContentIsExact() throws IOException {
        byte[] data = new byte[300_000];
        new java.util.Random(7).nextBytes(data);
        unpack(new TarBuilder().file("blob", 0644, data).tar());
        assertArrayEquals(data, Files.readAllBytes(layer().resolve("blob")));
    }

    @Test
    void aDirectoryReplacedByASymlinkIsNotWrittenThroughByLaterEntries() throws IOException {
        // "a" is resolved (and remembered) as a directory, then replaced by a symlink climbing out
        byte[] tar = new TarBuilder().dir("a", 0755).file("a/f", 0644, "first").symlink("a", "../../../..")
                .file("a/escaped", 0644, "must not leave the layer").tar();
        LayerException e = org.junit.jupiter.api.Assertions.assertThrows(LayerException.class, () -> unpack(tar));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("a/escaped"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(tmp.resolve("escaped")));
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(tmp.getParent().resolve("escaped")));
    }

    @Test
    void aDirectoryReplacedByAnInScopeSymlinkIsFollowedWithinTheLayer() throws IOException {
        byte[] tar = new TarBuilder().dir("a", 0755).file("a/f", 0644, "first").dir("b", 0755).symlink("a", "/b")
                .file("a/g", 0644, "through the new link").tar();
        unpack(tar);
        Path l = layer();
        org.junit.jupiter.api.Assertions.assertTrue(Files.isSymbolicLink(l.resolve("a")));
        org.junit.jupiter.api.Assertions.assertEquals("through the new link", Files.readString(l.resolve("b/g")));
    }

    @Test
    void aLargeGzipLayerStreamsThroughTheReadAheadWithItsDiffId() throws IOException {
        byte[] big = new byte[3 << 20];
        new java.util.Random(7).nextBytes(big);
        TarBuilder b = new TarBuilder();
        for (int i = 0; i < 200; i++) {
            b.file("d" + (i % 7) + "/f" + i, 0644, "file " + i);
        }
        byte[] tar = b.file("big.bin", 0600, big).tar();
        UnpackResult r = unpacker.unpack("sha256:test", new ByteArrayInputStream(TarBuilder.gzip(tar)), layer());
        org.junit.jupiter.api.Assertions.assertEquals(dev.jcompose.engine.image.ref.Digest.of(tar), r.diffId());
        org.junit.jupiter.api.Assertions.assertEquals(tar.length, r.tarBytes());
        org.junit.jupiter.api.Assertions.assertArrayEquals(big, Files.readAllBytes(layer().resolve("big.bin")));
        org.junit.jupiter.api.Assertions.assertEquals("file 199", Files.readString(layer().resolve("d3/f199")));
    }
}
