package dev.jcompose.engine.image.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.image.ref.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    private static final String BUSYBOX = "docker.io/library/busybox:latest";
    private static final String APP = "127.0.0.1:5000/team/app:1";

    @TempDir
    Path root;

    @Test
    void findsByNameTagDigestIdAndIdPrefix() throws IOException {
        ImageStore s = StoreFixture.open(root);
        ImageRecord r = StoreFixture.image(s, "{\"a\":1}", List.of(BUSYBOX), StoreFixture.layer("f", "1"));
        assertEquals(r.id(), s.find("busybox").orElseThrow().id());
        assertEquals(r.id(), s.find("busybox:latest").orElseThrow().id());
        assertEquals(r.id(), s.find("docker.io/library/busybox").orElseThrow().id());
        assertEquals(r.id(), s.find("busybox@" + r.manifest()).orElseThrow().id());
        assertEquals(r.id(), s.find(r.id().toString()).orElseThrow().id());
        assertEquals(r.id(), s.find(r.id().shortHex()).orElseThrow().id());
        assertTrue(s.find("busybox:other").isEmpty());
        assertTrue(s.find("nothing").isEmpty());
        assertTrue(s.isComplete(r));
    }

    @Test
    void recordsSurviveReopening() throws IOException {
        ImageStore s = StoreFixture.open(root);
        ImageRecord r = StoreFixture.image(s, "{\"a\":1}", List.of(APP), StoreFixture.layer("f", "1"), StoreFixture.layer("g", "2"));
        ImageStore again = StoreFixture.open(root);
        assertEquals(List.of(r), again.list());
        assertTrue(again.isComplete(r));
    }

    @Test
    void aTagMovesToTheNewImageAndTheOldOneBecomesDangling() throws IOException {
        ImageStore s = StoreFixture.open(root);
        ImageRecord v1 = StoreFixture.image(s, "{\"v\":1}", List.of(BUSYBOX), StoreFixture.layer("f", "1"));
        ImageRecord v2 = StoreFixture.image(s, "{\"v\":2}", List.of(BUSYBOX), StoreFixture.layer("f", "2"));
        assertEquals(v2.id(), s.find("busybox").orElseThrow().id());
        assertEquals(List.of(), s.get(v1.id()).orElseThrow().repoTags());
        PruneResult p = s.prune(id -> false, false);
        assertEquals(List.of(v1.id()), p.images());
        assertEquals(1, p.layers().size());
        assertTrue(p.blobs().contains(v1.id()));
        assertTrue(p.reclaimedBytes() > 0);
        assertEquals(List.of(v2.id()), s.list().stream().map(ImageRecord::id).toList());
        assertTrue(s.isComplete(s.get(v2.id()).orElseThrow()));
    }

    @Test
    void removingATagOfAnImageWithSeveralTagsOnlyUntags() throws IOException {
        ImageStore s = StoreFixture.open(root);
        ImageRecord r = StoreFixture.image(s, "{}", List.of(BUSYBOX, "docker.io/library/busybox:1"), StoreFixture.layer("f", "1"));
        RemoveResult res = s.remove("busybox:1", id -> false, false);
        assertEquals(List.of("busybox:1"), res.untagged());
        assertEquals(List.of(), res.deleted());
        assertEquals(List.of(BUSYBOX), s.get(r.id()).orElseThrow().repoTags());
    }

    @Test
    void removingTheLastTagDeletesImageLayersAndBlobsButSharedLayersStay() throws IOException {
        ImageStore s = StoreFixture.open(root);
        byte[] shared = StoreFixture.layer("base", "shared");
        ImageRecord a = StoreFixture.image(s, "{\"i\":\"a\"}", List.of(BUSYBOX), shared, StoreFixture.layer("a", "a"));
        ImageRecord b = StoreFixture.image(s, "{\"i\":\"b\"}", List.of(APP), shared, StoreFixture.layer("b", "b"));
        assertEquals(a.layers().get(0).chainId(), b.layers().get(0).chainId(), "the base layer is shared");
        assertEquals(3, s.layers().list().size());
        RemoveResult res = s.remove("busybox", id -> false, false);
        assertEquals(List.of("busybox:latest", "busybox@" + a.manifest()), res.untagged());
        assertEquals(List.of(a.id().toString(), a.topChainId().toString()), res.deleted());
        assertEquals(Set.of(b.layers().get(0).chainId(), b.topChainId()), s.layers().list());
        assertFalse(s.blobs().has(a.id()));
        assertTrue(s.blobs().has(a.layers().get(0).blob()), "the shared layer blob is still needed by b");
        assertTrue(s.isComplete(b));
    }

    @Test
    void imagesInUseAreNeverRemoved() throws IOException {
        ImageStore s = StoreFixture.open(root);
        ImageRecord r = StoreFixture.image(s, "{}", List.of(BUSYBOX), StoreFixture.layer("f", "1"));
        ImageConflictException e = assertThrows(ImageConflictException.class, () -> s.remove("busybox", r.id()::equals, false));
        assertEquals("conflict: unable to remove repository reference \"busybox\" (must force) - image " + r.id().shortHex()
                + " is in use by a container", e.getMessage());
        assertThrows(ImageConflictException.class, () -> s.remove(r.id().toString(), r.id()::equals, true));
        RemoveResult forced = s.remove("busybox", r.id()::equals, true);
        assertEquals(List.of("busybox:latest"), forced.untagged());
        assertEquals(List.of(), forced.deleted());
        PruneResult p = s.prune(r.id()::equals, true);
        assertEquals(List.of(), p.images());
        assertTrue(s.isComplete(s.get(r.id()).orElseThrow()), "in-use image keeps all its content");
    }

    @Test
    void removingByIdAnImageWithSeveralTagsNeedsForce() throws IOException {
        ImageStore s = StoreFixture.open(root);
        ImageRecord r = StoreFixture.image(s, "{}", List.of(BUSYBOX, APP), StoreFixture.layer("f", "1"));
        ImageConflictException e = assertThrows(ImageConflictException.class, () -> s.remove(r.id().shortHex(), id -> false, false));
        assertEquals("conflict: unable to delete " + r.id().shortHex() + " (must be forced) - image is referenced in multiple repositories",
                e.getMessage());
        RemoveResult res = s.remove(r.id().shortHex(), id -> false, true);
        assertEquals(r.id().toString(), res.deleted().get(0));
        assertTrue(s.list().isEmpty());
        assertTrue(s.blobs().list().isEmpty());
        assertTrue(s.layers().list().isEmpty());
    }

    @Test
    void unknownImagesSayNoSuchImage() throws IOException {
        ImageStore s = StoreFixture.open(root);
        ImageNotFoundException e = assertThrows(ImageNotFoundException.class, () -> s.remove("ghost:1", id -> false, false));
        assertEquals("No such image: ghost:1", e.getMessage());
    }

    @Test
    void leasedContentSurvivesGarbageCollection() throws IOException {
        ImageStore s = StoreFixture.open(root);
        Digest blob = s.blobs().putBytes("in flight".getBytes());
        Digest stray = s.blobs().putBytes("stray".getBytes());
        try (Lease lease = s.lease()) {
            lease.hold(blob);
            PruneResult gc = s.collectGarbage();
            assertEquals(List.of(stray), gc.blobs());
            assertTrue(s.blobs().has(blob));
        }
        assertEquals(List.of(blob), s.collectGarbage().blobs());
    }
}
