package dev.jcompose.engine.image.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.unpack.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerStoreTest {
    @TempDir
    Path root;

    @Test
    void chainIdsFollowTheOciFormula() {
        Digest a = Digest.of("a");
        Digest b = Digest.of("b");
        Digest c = Digest.of("c");
        List<Digest> chain = ChainId.of(List.of(a, b, c));
        assertEquals(a, chain.get(0));
        assertEquals(Digest.of(a + " " + b), chain.get(1));
        assertEquals(Digest.of(Digest.of(a + " " + b) + " " + c), chain.get(2));
    }

    @Test
    void layersStackByChainIdWithShortLinksForOverlay() throws IOException {
        ImageStore s = StoreFixture.open(root);
        byte[] base = new TarBuilder().file("etc/os-release", 0644, "ID=test\n").tar();
        byte[] top = new TarBuilder().file("app/run", 0755, "#!/bin/sh\n").tar();
        LayerInfo l1 = s.layers().unpack(null, Digest.of(base), "base", new ByteArrayInputStream(TarBuilder.gzip(base)));
        LayerInfo l2 = s.layers().unpack(l1.chainId(), Digest.of(top), "top", new ByteArrayInputStream(TarBuilder.zstd(top)));
        assertEquals(Digest.of(base), l1.chainId());
        assertEquals(ChainId.next(l1.chainId(), Digest.of(top)), l2.chainId());
        assertEquals(l1.chainId(), l2.parent());
        assertEquals(root.resolve("layers").resolve(l2.chainId().hex()).resolve("diff"), l2.diffDir());
        assertEquals("#!/bin/sh\n", Files.readString(l2.diffDir().resolve("app/run")));
        assertEquals(26, l2.link().length());
        assertEquals(List.of("l/" + l2.link(), "l/" + l1.link()), s.layers().lowerDirs(l2.chainId()));
        assertEquals(Files.readString(l1.diffDir().resolve("etc/os-release")),
                Files.readString(root.resolve("l").resolve(l1.link()).resolve("etc/os-release")));
        assertEquals(base.length, l1.size());
    }

    @Test
    void aLayerIsUnpackedOnceAndShared() throws IOException {
        ImageStore s = StoreFixture.open(root);
        byte[] base = new TarBuilder().file("f", 0644, "x").tar();
        LayerInfo first = s.layers().unpack(null, Digest.of(base), "l", new ByteArrayInputStream(base));
        LayerInfo again = s.layers().unpack(null, Digest.of(base), "l", new ByteArrayInputStream(new byte[0]));
        assertEquals(first, again, "the second call does not read its stream at all");
        assertEquals(1, s.layers().list().size());
    }

    @Test
    void diffIdMismatchLeavesNoLayerBehind() throws IOException {
        ImageStore s = StoreFixture.open(root);
        byte[] tar = new TarBuilder().file("f", 0644, "x").tar();
        Digest claimed = Digest.of("not this");
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> s.layers().unpack(null, claimed, "sha256:blob", new ByteArrayInputStream(tar)));
        assertEquals("layer sha256:blob: uncompressed content has digest " + Digest.of(tar) + ", the image config expects "
                + claimed, e.getMessage());
        assertTrue(s.layers().list().isEmpty());
        assertTrue(s.tempEntries().isEmpty());
        try (var l = Files.list(root.resolve("l"))) {
            assertEquals(0, l.count());
        }
    }

    @Test
    void aHostileLayerLeavesNoLayerBehind() throws IOException {
        ImageStore s = StoreFixture.open(root);
        byte[] tar = new TarBuilder().file("ok", 0644, "x").file("../../escape", 0644, "x").tar();
        assertThrows(dev.jcompose.engine.image.unpack.LayerException.class,
                () -> s.layers().unpack(null, Digest.of(tar), "sha256:bad", new ByteArrayInputStream(tar)));
        assertTrue(s.layers().list().isEmpty());
        assertTrue(s.tempEntries().isEmpty());
        assertFalse(Files.exists(root.resolve("escape")));
        assertFalse(Files.exists(root.getParent().resolve("escape")));
    }

    @Test
    void childWithoutItsParentIsRefused() throws IOException {
        ImageStore s = StoreFixture.open(root);
        byte[] tar = new TarBuilder().file("f", 0644, "x").tar();
        StoreException e = assertThrows(StoreException.class,
                () -> s.layers().unpack(Digest.of("missing"), Digest.of(tar), "top", new ByteArrayInputStream(tar)));
        assertTrue(e.getMessage().contains("parent layer " + Digest.of("missing") + " is not in the store"), e.getMessage());
    }

    @Test
    void openingAfterACrashRemovesTempFilesHalfLayersAndDanglingLinks() throws IOException {
        ImageStore s = StoreFixture.open(root);
        byte[] tar = new TarBuilder().file("f", 0644, "x").tar();
        LayerInfo good = s.layers().unpack(null, Digest.of(tar), "l", new ByteArrayInputStream(tar));
        // what a SIGKILL at various moments leaves behind
        Files.writeString(root.resolve("tmp/blob-abc.part"), "partial");
        Files.createDirectories(root.resolve("tmp/layer-123/diff/usr"));
        Path half = root.resolve("layers").resolve(Digest.of("half").hex());
        Files.createDirectories(half.resolve("diff"));
        Files.writeString(half.resolve("link"), "DANGLINGLINKDANGLINGLINKXX");
        Files.createSymbolicLink(root.resolve("l/DANGLINGLINKDANGLINGLINKXX"), Path.of("../layers", Digest.of("gone").hex(), "diff"));

        ImageStore reopened = StoreFixture.open(root);
        assertTrue(reopened.tempEntries().isEmpty());
        assertFalse(Files.exists(half));
        assertFalse(Files.exists(root.resolve("l/DANGLINGLINKDANGLINGLINKXX"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(good.chainId()), List.copyOf(reopened.layers().list()));
        assertTrue(Files.exists(root.resolve("l").resolve(good.link()).resolve("f")));
    }
}
