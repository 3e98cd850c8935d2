package dev.jcompose.engine.image.unpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.registry.CredentialSource;
import dev.jcompose.engine.image.registry.ImagePuller;
import dev.jcompose.engine.image.registry.OciImages;
import dev.jcompose.engine.image.registry.RegistryClient;
import dev.jcompose.engine.image.registry.RegistryFixture;
import dev.jcompose.engine.image.registry.RegistryOptions;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile layers unpacked as root into a real store (where an escape would hurt): {@code ..},
 * absolute names, symlink-then-write, hardlinks to /etc/passwd, device nodes when not allowed, and
 * one pulled from a real registry. Nothing appears outside the store, /etc/passwd keeps its content
 * and link count, no layer is kept, and the error names the entry.
 */
@Tag("root")
class HostileLayerRootTest {
    private static final NativeFs FS = new NativeFs();
    private static final String UP = "../".repeat(24);
    private static final Path PWNED = Path.of("/etc/jcompose-images-hostile-test");
    private static final Path PASSWD = Path.of("/etc/passwd");

    @TempDir
    Path dir;
    private ImageStore store;
    private String passwdBefore;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(FS.isRoot(), "needs root: an escape as root is the one that matters");
        store = ImageStore.open(dir.resolve("store"), new LayerUnpacker(FS, new UnpackOptions(true, false)));
        Files.createDirectories(dir.resolve("outside"));
        Files.writeString(dir.resolve("outside/sentinel"), "keep\n");
        passwdBefore = passwdState();
    }

    @AfterEach
    void nothingEscaped() throws Exception {
        if (store == null) {
            return;
        }
        boolean leaked = Files.exists(PWNED, LinkOption.NOFOLLOW_LINKS);
        Files.deleteIfExists(PWNED);
        assertFalse(leaked, PWNED + " was written by a layer");
        assertEquals(passwdBefore, passwdState(), "/etc/passwd content and link count");
        try (Stream<Path> s = Files.list(dir.resolve("outside"))) {
            assertEquals(List.of(dir.resolve("outside/sentinel")), s.toList());
        }
        assertEquals("keep\n", Files.readString(dir.resolve("outside/sentinel")));
        try (Stream<Path> s = Files.list(store.root().resolve("tmp"))) {
            assertEquals(List.of(), s.toList(), "no half-unpacked layer left in tmp/");
        }
    }

    private static String passwdState() throws Exception {
        return Digest.of(Files.readAllBytes(PASSWD)) + " nlink=" + Files.getAttribute(PASSWD, "unix:nlink");
    }

    private void assertRejected(TarBuilder tar, String message) throws Exception {
        byte[] bytes = tar.tar();
        LayerException e = assertThrows(LayerException.class,
                () -> store.layers().unpack(null, Digest.of(bytes), "evil", new ByteArrayInputStream(bytes)));
        assertEquals(message, e.getMessage());
        assertTrue(store.layers().list().isEmpty(), "no layer kept");
    }

    private LayerInfo unpack(TarBuilder tar) throws Exception {
        byte[] bytes = tar.tar();
        return store.layers().unpack(null, Digest.of(bytes), "ok", new ByteArrayInputStream(bytes));
    }

    @Test
    void dotDotAndAbsoluteNames() throws Exception {
        assertRejected(new TarBuilder().file(UP + "etc/jcompose-images-hostile-test", 0644, "pwned"),
                "layer evil: entry \"" + UP + "etc/jcompose-images-hostile-test\" escapes the layer root");
        assertRejected(new TarBuilder().file(PWNED.toString(), 0644, "pwned"),
                "layer evil: entry \"" + PWNED + "\" escapes the layer root");
        assertRejected(new TarBuilder().file("a", 0644, "fine").file(UP + "etc/.wh.passwd", 0644, ""),
                "layer evil: entry \"" + UP + "etc/.wh.passwd\" escapes the layer root");
        assertRejected(new TarBuilder().dir("d", 0755).file("d/" + UP + dir.resolve("outside/new").toString().substring(1), 0644, "x"),
                "layer evil: entry \"d/" + UP + dir.resolve("outside/new").toString().substring(1) + "\" escapes the layer root");
    }

    @Test
    void symlinkThenWrite() throws Exception {
        assertRejected(new TarBuilder().symlink("up", UP + "etc").file("up/jcompose-images-hostile-test", 0644, "pwned"),
                "layer evil: entry \"up/jcompose-images-hostile-test\" escapes the layer root");
        assertRejected(new TarBuilder().dir("a", 0755).symlink("a/out", "../" + UP + dir.resolve("outside").toString().substring(1))
                        .file("a/out/new", 0644, "pwned"),
                "layer evil: entry \"a/out/new\" escapes the layer root");
        assertRejected(new TarBuilder().symlink("etc", "/etc").file("etc/jcompose-images-hostile-test", 0644, "pwned"),
                "layer evil: entry \"etc/jcompose-images-hostile-test\": too many levels of symbolic links");
        LayerInfo contained = unpack(new TarBuilder().symlink("e", "/etc").file("e/jcompose-images-hostile-test", 0644, "contained"));
        assertEquals("contained", Files.readString(contained.diffDir().resolve("etc/jcompose-images-hostile-test")),
                "an absolute symlink in the path resolves inside the layer root (etc/ is created there)");
    }

    @Test
    void hardlinksToEtcPasswd() throws Exception {
        assertRejected(new TarBuilder().hardlink("pw", "/etc/passwd"),
                "layer evil: entry \"pw\" links to \"/etc/passwd\", which escapes the layer root");
        assertRejected(new TarBuilder().hardlink("pw", UP + "etc/passwd"),
                "layer evil: entry \"pw\" links to \"" + UP + "etc/passwd\", which escapes the layer root");
        assertRejected(new TarBuilder().symlink("up", UP + "etc").hardlink("pw", "up/passwd"),
                "layer evil: entry \"pw\" links to \"up/passwd\", which escapes the layer root");
        assertRejected(new TarBuilder().symlink("e", "/etc").hardlink("pw", "e/passwd"),
                "layer evil: entry \"pw\" links to \"e/passwd\", which is not in this layer");
    }

    @Test
    void deviceNodesAreSkippedWhenNotAllowedAndStillCannotEscape() throws Exception {
        byte[] tar = new TarBuilder().device("dev/sda", false, 8, 0).device("dev/mem", true, 1, 1).file("a", 0644, "x").tar();
        UnpackResult r = new LayerUnpacker(FS, new UnpackOptions(true, false)).unpack("devs", new ByteArrayInputStream(tar),
                dir.resolve("devs"));
        assertEquals(2, r.skippedDevices());
        assertFalse(Files.exists(dir.resolve("devs/dev/sda"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(dir.resolve("devs/dev/mem"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(dir.resolve("devs/a")));
        assertRejected(new TarBuilder().device(UP + "etc/jcompose-images-hostile-test", true, 1, 1),
                "layer evil: entry \"" + UP + "etc/jcompose-images-hostile-test\" escapes the layer root");
    }

    @Test
    void hostileImageFromARegistryIsRejectedNamingTheEntry() throws Exception {
        String missing = RegistryFixture.missingTools();
        assumeTrue(missing == null, missing);
        OciImages images = new OciImages(dir.resolve("build"));
        images.busybox("evil", "echo base > base");
        Files.write(dir.resolve("build/evil.tar"), new TarBuilder().file("fine", 0644, "x").hardlink("pw", "/etc/passwd").tar());
        images.rawLayer("evil", dir.resolve("build/evil.tar"));
        try (RegistryFixture registry = RegistryFixture.start(dir.resolve("registry"))) {
            images.push("evil", registry.host() + "/evil:1");
            ImagePuller puller = new ImagePuller(new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE), store);
            LayerException e = assertThrows(LayerException.class, () -> puller.pull(ImageReference.parse(registry.host() + "/evil:1"),
                    Platform.parse("linux/amd64"), (id, status, current, total) -> { }));
            assertTrue(e.getMessage().matches("layer sha256:[0-9a-f]{64}: entry \"pw\" links to \"/etc/passwd\", which escapes the layer root"),
                    e.getMessage());
        }
        assertTrue(store.list().isEmpty(), "no image record");
        assertEquals(1, store.layers().list().size(), "only the busybox base layer was unpacked");
    }
}
