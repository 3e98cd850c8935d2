package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.DigestingInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * A blob being received that is also read by someone else in the same pass: every byte read
 * through this stream is hashed and written to a {@code .part} file in the store's {@code tmp/}.
 * So a layer can be unpacked from the download stream while its blob is written, and the
 * compressed bytes are read only once. {@link #commit()} reads what the reader left, checks digest
 * and size, and only then renames the file into {@code blobs/}; {@link #close()} without a commit
 * deletes the partial file. A reader must not act on what it read (record a layer) before
 * {@link #commit()} returned.
 */
public final class IncomingBlob extends FilterInputStream {
    private static final int BUFFER = 128 * 1024;
    private final BlobStore store;
    private final Digest expected;
    private final long expectedSize;
    private final Path part;
    private final OutputStream out;
    private final LongConsumer progress;
    private final DigestingInputStream digesting;
    private boolean committed;

    IncomingBlob(BlobStore store, Digest expected, long expectedSize, InputStream in, LongConsumer progress, Path part) throws IOException {
        super(new DigestingInputStream(in));
        this.digesting = (DigestingInputStream) this.in;
        this.store = store;
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.part = part;
        this.progress = progress;
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(part), BUFFER * 2);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = digesting.read(buf, off, len);
        if (n > 0) {
            out.write(buf, off, n);
            if (expectedSize >= 0 && digesting.count() > expectedSize) {
                throw new DigestMismatchException("blob " + expected + ": more than the " + expectedSize + " bytes its descriptor gives",
                        expected);
            }
            if (progress != null) {
                progress.accept(digesting.count());
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, BUFFER)];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Reads the rest of the stream, verifies digest and size, and moves the blob into place (once; later calls return the path).
     *
     * @throws DigestMismatchException when the content is not {@code expected}; nothing is kept
     */
    public Path commit() throws IOException {
        if (committed) {
            return store.path(expected);
        }
        byte[] buf = new byte[BUFFER];
        while (read(buf, 0, buf.length) >= 0) {
            // written and hashed in read
        }
        out.close();
        Digest actual = digesting.digest();
        if (!actual.equals(expected)) {
            throw new DigestMismatchException("blob", expected, actual);
        }
        if (expectedSize >= 0 && digesting.count() != expectedSize) {
            throw new DigestMismatchException("blob " + expected + ": " + digesting.count() + " bytes, its descriptor gives " + expectedSize,
                    expected);
        }
        AtomicFiles.move(part, store.path(expected));
        committed = true;
        return store.path(expected);
    }

    /** Closes the source; without a commit the partial file goes. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
            super.close();
        } finally {
            if (!committed) {
                Files.deleteIfExists(part);
            }
        }
    }
}
