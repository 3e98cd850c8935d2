package dev.jcompose.engine.image.unpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking as root: ownership, device nodes, overlay whiteouts and opaque directories, trusted xattrs. */
@Tag("root")
class LayerUnpackerRootTest {
    private static final NativeFs FS = new NativeFs();
    private final LayerUnpacker unpacker = new LayerUnpacker(FS, new UnpackOptions(true, true));

    @TempDir
    Path tmp;

    @BeforeEach
    void needsRoot() {
        Assumptions.assumeTrue(FS.isRoot(), "needs root: lchown, mknod and trusted.* xattrs");
    }

    private static int attr(Path p, String name) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void ownershipIncludingSetuidAfterChownAndOnSymlinks() throws IOException {
        byte[] tar = new TarBuilder().owned("f", 04750, 1234, 5678).symlink("s", "f").tar();
        unpacker.unpack("l", new ByteArrayInputStream(tar), tmp.resolve("l"));
        Path f = tmp.resolve("l/f");
        assertEquals(1234, attr(f, "uid"));
        assertEquals(5678, attr(f, "gid"));
        assertEquals(04750, attr(f, "mode") & 07777, "setuid survives the chown");
    }

    @Test
    void deviceNodesAndFifos() throws IOException {
        byte[] tar = new TarBuilder().dir("dev", 0755).device("dev/null", true, 1, 3).device("dev/loop9", false, 7, 9)
                .fifo("dev/pipe").tar();
        UnpackResult r = unpacker.unpack("l", new ByteArrayInputStream(tar), tmp.resolve("l"));
        assertEquals(0, r.skippedDevices());
        Path dev = tmp.resolve("l/dev");
        assertEquals(020000, attr(dev.resolve("null"), "mode") & 0170000);
        assertEquals(NativeFs.makedev(1, 3), ((Number) Files.getAttribute(dev.resolve("null"), "unix:rdev")).longValue());
        assertEquals(060000, attr(dev.resolve("loop9"), "mode") & 0170000);
        assertEquals(NativeFs.makedev(7, 9), ((Number) Files.getAttribute(dev.resolve("loop9"), "unix:rdev")).longValue());
        assertEquals(010000, attr(dev.resolve("pipe"), "mode") & 0170000);
    }

    @Test
    void whiteoutsBecomeOverlayCharDevicesAndOpaqueDirsGetTheXattr() throws IOException {
        byte[] tar = new TarBuilder().dir("etc", 0755).file("etc/.wh.motd", 0644, "").dir("var/cache", 0755)
                .file("var/cache/.wh..wh..opq", 0644, "").file("var/cache/new", 0644, "n").tar();
        unpacker.unpack("l", new ByteArrayInputStream(tar), tmp.resolve("l"));
        Path motd = tmp.resolve("l/etc/motd");
        assertEquals(020000, attr(motd, "mode") & 0170000, "a character device");
        assertEquals(0L, ((Number) Files.getAttribute(motd, "unix:rdev")).longValue(), "device 0/0");
        assertNull(LayerRoot.attrs(tmp.resolve("l/etc/.wh.motd")), "the marker itself is not kept");
        assertEquals("y", FS.getXattrString(tmp.resolve("l/var/cache"), LayerUnpacker.OPAQUE_XATTR));
        assertNull(LayerRoot.attrs(tmp.resolve("l/var/cache/.wh..wh..opq")));
        assertEquals("n", Files.readString(tmp.resolve("l/var/cache/new")));
        assertNull(FS.getXattrString(tmp.resolve("l/etc"), LayerUnpacker.OPAQUE_XATTR));
    }

    @Test
    void trustedXattrsFromPax() throws IOException {
        byte[] tar = new TarBuilder().fileWith("f", 0644, "x", 0, 0, TarBuilder.T0,
                Map.of("SCHILY.xattr.trusted.example", "v1", "SCHILY.xattr.user.other", "v2")).tar();
        unpacker.unpack("l", new ByteArrayInputStream(tar), tmp.resolve("l"));
        assertEquals("v1", FS.getXattrString(tmp.resolve("l/f"), "trusted.example"));
        assertEquals("v2", FS.getXattrString(tmp.resolve("l/f"), "user.other"));
    }
}
