package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Blobs by digest under {@code blobs/sha256/<hex>}. A blob is streamed into a temp file while its
 * sha256 is computed and only renamed into place when it matches: a file under {@code blobs/} is
 * always complete and correct. Temp files live in the store's {@code tmp/}, which
 * {@link ImageStore#open} empties.
 */
public final class BlobStore {
    private static final int BUFFER = 128 * 1024;
    private final Path dir;
    private final Path tmp;

    BlobStore(Path dir, Path tmp) throws IOException {
        this.dir = dir;
        this.tmp = tmp;
        Files.createDirectories(dir);
    }

    public Path path(Digest digest) {
        return dir.resolve(digest.hex());
    }

    public boolean has(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    /**
     * Stores the stream's content as blob {@code expected}.
     *
     * @param expectedSize the descriptor's size, or -1 when unknown; more bytes than this fail early
     * @param progress     told the running byte count as bytes arrive (may be null)
     * @throws DigestMismatchException when the content's digest or size differ; nothing is kept
     */
    public Path put(Digest expected, long expectedSize, InputStream in, LongConsumer progress) throws IOException {
        Path part = Files.createTempFile(tmp, "blob-" + expected.shortHex() + "-", ".part");
        try {
            DigestingInputStream d = new DigestingInputStream(in);
            byte[] buf = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(part)) {
                int n;
                while ((n = d.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    if (expectedSize >= 0 && d.count() > expectedSize) {
                        throw new DigestMismatchException("blob " + expected + ": more than the " + expectedSize
                                + " bytes its descriptor gives", expected);
                    }
                    if (progress != null) {
                        progress.accept(d.count());
                    }
                }
            }
            Digest actual = d.digest();
            if (!actual.equals(expected)) {
                throw new DigestMismatchException("blob", expected, actual);
            }
            if (expectedSize >= 0 && d.count() != expectedSize) {
                throw new DigestMismatchException("blob " + expected + ": " + d.count() + " bytes, its descriptor gives "
                        + expectedSize, expected);
            }
            AtomicFiles.move(part, path(expected));
            return path(expected);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * A blob to be stored as it is read by someone else (a layer unpacked from the download): see
     * {@link IncomingBlob}. The caller closes it, after {@link IncomingBlob#commit()} when all went well.
     */
    public IncomingBlob receive(Digest expected, long expectedSize, InputStream in, LongConsumer progress) throws IOException {
        Path part = Files.createTempFile(tmp, "blob-" + expected.shortHex() + "-", ".part");
        try {
            return new IncomingBlob(this, expected, expectedSize, in, progress, part);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    /** Stores bytes already in memory (manifests, configs); returns their digest. */
    public Digest putBytes(byte[] content) throws IOException {
        Digest d = Digest.of(content);
        if (!has(d)) {
            AtomicFiles.write(path(d), content, tmp);
        }
        return d;
    }

    public byte[] read(Digest digest) throws IOException {
        return Files.readAllBytes(path(digest));
    }

    public InputStream open(Digest digest) throws IOException {
        return Files.newInputStream(path(digest));
    }

    public long size(Digest digest) throws IOException {
        return Files.size(path(digest));
    }

    /** Removes the blob; returns its size, or 0 if it was not there. */
    public long delete(Digest digest) throws IOException {
        try {
            long size = Files.size(path(digest));
            Files.delete(path(digest));
            return size;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** Every stored blob's digest; stray files that are not digests are ignored. */
    public SortedSet<Digest> list() throws IOException {
        SortedSet<Digest> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[a-f0-9]{64}")).forEach(n -> out.add(Digest.ofHex(n)));
        }
        return out;
    }
}
