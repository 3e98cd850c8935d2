package dev.jcompose.engine.image.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    @TempDir
    Path root;

    private ImageStore store() throws IOException {
        return ImageStore.open(root, new LayerUnpacker(new NativeFs(), new UnpackOptions(false, false)));
    }

    @Test
    void matchingContentIsStoredUnderItsDigestWithProgress() throws IOException {
        ImageStore s = store();
        byte[] data = "hello blob".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Digest d = Digest.of(data);
        List<Long> progress = new ArrayList<>();
        Path p = s.blobs().put(d, data.length, new ByteArrayInputStream(data), progress::add);
        assertEquals(root.resolve("blobs/sha256/" + d.hex()), p);
        assertArrayEquals(data, s.blobs().read(d));
        assertEquals(data.length, (long) progress.get(progress.size() - 1));
        assertTrue(progress.size() > 1, "progress reported while streaming");
        assertEquals(Set.of(d), s.blobs().list());
        assertTrue(s.tempEntries().isEmpty());
    }

    @Test
    void mismatchKeepsNothingAndNamesBothDigests() throws IOException {
        ImageStore s = store();
        byte[] data = "the real thing".getBytes(StandardCharsets.UTF_8);
        Digest expected = Digest.of("something else");
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> s.blobs().put(expected, -1, new ByteArrayInputStream(data), null));
        assertEquals("blob " + expected + ": content has digest " + Digest.of(data) + ", expected " + expected, e.getMessage());
        assertEquals(Digest.of(data), e.actual());
        assertFalse(s.blobs().has(expected));
        assertFalse(s.blobs().has(Digest.of(data)));
        assertTrue(s.tempEntries().isEmpty(), "the temp file was removed");
    }

    @Test
    void moreBytesThanTheDescriptorSaysFailEarly() throws IOException {
        ImageStore s = store();
        byte[] data = new byte[1_000_000];
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> s.blobs().put(Digest.of(data), 1000, new ByteArrayInputStream(data), null));
        assertEquals("blob " + Digest.of(data) + ": more than the 1000 bytes its descriptor gives", e.getMessage());
        assertTrue(s.tempEntries().isEmpty());
        assertThrows(DigestMismatchException.class, () -> s.blobs().put(Digest.of(data), 2_000_000, new ByteArrayInputStream(data), null));
        assertFalse(s.blobs().has(Digest.of(data)));
    }

    @Test
    void putBytesIsIdempotent() throws IOException {
        ImageStore s = store();
        Digest a = s.blobs().putBytes("{}".getBytes(StandardCharsets.UTF_8));
        Digest b = s.blobs().putBytes("{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(a, b);
        assertEquals(2, s.blobs().size(a));
        assertEquals(2, s.blobs().delete(a));
        assertEquals(0, s.blobs().delete(a));
    }

    @Test
    void incomingBlobIsStoredOnlyAfterCommitVerifiedWhatTheReaderLeft() throws IOException {
        ImageStore s = store();
        byte[] data = "streamed layer ".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        Digest d = Digest.of(data);
        try (IncomingBlob in = s.blobs().receive(d, data.length, new ByteArrayInputStream(data), null)) {
            byte[] head = in.readNBytes(1000);
            assertArrayEquals(java.util.Arrays.copyOf(data, 1000), head, "the reader sees the bytes");
            assertFalse(s.blobs().has(d), "not stored before the commit");
            assertEquals(s.blobs().path(d), in.commit());
            assertEquals(s.blobs().path(d), in.commit(), "a second commit is a no-op");
        }
        assertArrayEquals(data, s.blobs().read(d), "commit read the rest the reader had left");
        assertTrue(s.tempEntries().isEmpty());
    }

    @Test
    void incomingBlobWithWrongContentOrSizeKeepsNothing() throws IOException {
        ImageStore s = store();
        byte[] data = "tampered".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        Digest other = Digest.of("what the manifest promised");
        try (IncomingBlob in = s.blobs().receive(other, data.length, new ByteArrayInputStream(data), null)) {
            in.readNBytes(100);
            assertThrows(DigestMismatchException.class, in::commit);
        }
        assertFalse(s.blobs().has(other));
        Digest d = Digest.of(data);
        try (IncomingBlob in = s.blobs().receive(d, 10, new ByteArrayInputStream(data), null)) {
            assertThrows(DigestMismatchException.class, in::commit, "more bytes than the descriptor's size");
        }
        try (IncomingBlob in = s.blobs().receive(d, data.length, new ByteArrayInputStream(data), null)) {
            in.readNBytes(100); // the reader gave up (a failed unpack): closing without commit
        }
        assertFalse(s.blobs().has(d));
        assertTrue(s.tempEntries().isEmpty(), "the partial file went with the close");
    }
}
