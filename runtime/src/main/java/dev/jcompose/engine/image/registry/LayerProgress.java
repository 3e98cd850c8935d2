package dev.jcompose.engine.image.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One layer's progress in Docker's words, from two sides of the one-pass pull: the download
 * (bytes arriving, on the read-ahead thread) and the unpacker (compressed bytes it has consumed).
 * It reports {@code Downloading current/total} while bytes arrive, then {@code Verifying Checksum}
 * and {@code Download complete} when the last byte is in, then {@code Extracting current/total}
 * (of the compressed size, as dockerd) while the unpacker catches up, then {@code Pull complete}.
 * Byte counts are sent at most every {@value #EVERY_NANOS} ns per phase (plus the last one), as
 * dockerd's progress reader limits itself, so a layer of hundreds of megabytes is a few dozen
 * messages, not one per network read. Thread-safe.
 */
final class LayerProgress {
    private static final long EVERY_NANOS = 100_000_000L;

    private final String id;
    private final long total;
    private final ImagePuller.Listener listener;
    private boolean downloaded;
    private long lastSent = Long.MIN_VALUE;
    private long extractedSent = -1;

    LayerProgress(String id, long total, ImagePuller.Listener listener) {
        this.id = id;
        this.total = total;
        this.listener = listener;
    }

    /** {@code done} bytes of the blob have arrived. */
    synchronized void downloaded(long done) {
        if (downloaded) {
            return;
        }
        boolean last = total > 0 && done >= total;
        if (last || due()) {
            listener.status(id, "Downloading", done, total);
        }
        if (last) {
            downloaded = true;
            listener.status(id, "Verifying Checksum", 0, 0);
            listener.status(id, "Download complete", 0, 0);
            lastSent = Long.MIN_VALUE;
        }
    }

    /** The blob was in the store already: what follows is extracting only. */
    synchronized void fromStore() {
        downloaded = true;
    }

    /** The unpacker has consumed {@code done} compressed bytes; reported once the download is complete. */
    synchronized void extracted(long done) {
        if (downloaded && total > 0 && done > extractedSent && (done >= total || due())) {
            extractedSent = done;
            listener.status(id, "Extracting", Math.min(done, total), total);
        }
    }

    /** The layer is recorded. */
    synchronized void complete() {
        if (!downloaded) {
            downloaded(total);
        }
        extracted(total);
        listener.status(id, "Pull complete", 0, 0);
    }

    private boolean due() {
        long now = System.nanoTime();
        if (lastSent != Long.MIN_VALUE && now - lastSent < EVERY_NANOS) {
            return false;
        }
        lastSent = now;
        return true;
    }

    /** {@code in}, counting what the unpacker reads from it into {@link #extracted}. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    extracted(++count);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    count += n;
                    extracted(count);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                if (skipped > 0) {
                    count += skipped;
                    extracted(count);
                }
                return skipped;
            }
        };
    }
}
