package dev.jcompose.engine.image.registry;

import dev.jcompose.engine.image.manifest.Descriptor;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.DigestMismatchException;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.IncomingBlob;
import dev.jcompose.engine.image.store.LayerInfo;
import dev.jcompose.engine.image.unpack.ReadAhead;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Brings one layer of a pull into the store, as its own task: the blob is downloaded and unpacked
 * in one pass (the download stream is hashed and written to the blob file while the unpacker reads
 * it), so layers unpack in parallel as they arrive and the compressed bytes are read once. The
 * blob's digest and size are verified before the unpacked layer is recorded; a layer whose blob
 * is stored but which is not unpacked (a pull killed in between) is unpacked from the stored blob.
 * At most {@code maxConcurrentDownloads} tasks run at once over all pulls, and one task at a time
 * per blob over all pulls ({@link InFlight}): a blob two pulls share (or one image lists twice) is
 * downloaded once, the other task waits for it and then takes the layer from the store.
 */
final class LayerFetcher {
    /** One layer to fetch: its blob descriptor, uncompressed digest and place in the stack. */
    record Job(ImageReference ref, Descriptor blob, Digest diffId, Digest parentChain, Digest chainId) {
        String shortId() {
            return blob.digest().hex().substring(0, 12);
        }
    }

    private final RegistryClient registry;
    private final ImageStore store;
    private final Semaphore slots;
    private final InFlight<Digest> inFlight = new InFlight<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "layer-download");
        t.setDaemon(true);
        return t;
    });

    LayerFetcher(RegistryClient registry, ImageStore store) {
        this.registry = registry;
        this.store = store;
        this.slots = new Semaphore(registry.maxConcurrentDownloads(), true);
    }

    /** Starts fetching {@code job}; the future yields the layer. */
    Future<LayerInfo> submit(Job job, ImagePuller.Listener listener) {
        return workers.submit(() -> inFlight.run(job.blob().digest(), () -> listener.status(job.shortId(), "Waiting", 0, 0),
                () -> fetchOrReuse(job, listener)));
    }

    private LayerInfo fetchOrReuse(Job job, ImagePuller.Listener listener) throws IOException, InterruptedException {
        if (store.blobs().has(job.blob().digest()) && store.layers().has(job.chainId())) {
            listener.status(job.shortId(), "Already exists", 0, 0);
            return store.layers().get(job.chainId()).orElseThrow();
        }
        if (!slots.tryAcquire()) {
            listener.status(job.shortId(), "Waiting", 0, 0);
            slots.acquire();
        }
        try {
            LayerProgress progress = new LayerProgress(job.shortId(), job.blob().size(), listener);
            LayerInfo info = fetch(job, progress);
            progress.complete();
            return info;
        } finally {
            slots.release();
        }
    }

    private LayerInfo fetch(Job job, LayerProgress progress) throws IOException, InterruptedException {
        Descriptor d = job.blob();
        String name = d.digest().toString();
        if (store.blobs().has(d.digest())) {
            progress.fromStore();
            try (InputStream in = progress.counting(store.blobs().open(d.digest()))) {
                return store.layers().unpackUnordered(job.parentChain(), job.diffId(), name, in, () -> { });
            }
        }
        HttpResponse<InputStream> r = registry.get(job.ref(), "blobs/" + d.digest(), null);
        try (IncomingBlob blob = store.blobs().receive(d.digest(), d.size(), r.body(), progress::downloaded)) {
            LayerInfo info;
            if (store.layers().has(job.chainId())) {
                info = store.layers().get(job.chainId()).orElseThrow();
            } else {
                info = unpackVerified(job, name, blob, progress);
            }
            blob.commit(); // when the layer was there already (another pull), the blob is still wanted
            return info;
        }
    }

    /**
     * Unpacks from the download, committing the blob before the layer is recorded. When unpacking
     * fails, the blob's own digest is checked first: a corrupt download (which gunzip or tar may
     * notice before the digest could) is reported as the digest mismatch it is.
     */
    private LayerInfo unpackVerified(Job job, String name, IncomingBlob blob, LayerProgress progress) throws IOException {
        try (ReadAhead download = ReadAhead.start(blob, "layer-download-" + job.shortId())) {
            try {
                return store.layers().unpackUnordered(job.parentChain(), job.diffId(), name, progress.counting(download), () -> {
                    download.finish();
                    blob.commit();
                });
            } catch (IOException | RuntimeException e) {
                throwIfCorrupt(e, download, blob);
                throw e;
            }
        }
    }

    /** Throws the blob's digest mismatch, if the download was corrupt, in place of {@code e}. */
    private static void throwIfCorrupt(Exception e, ReadAhead download, IncomingBlob blob) {
        if (e instanceof DigestMismatchException) {
            return;
        }
        try {
            download.finish();
            blob.commit();
        } catch (DigestMismatchException corrupt) {
            corrupt.addSuppressed(e);
            throw corrupt;
        } catch (IOException | RuntimeException ignored) {
            // the download itself failed; the unpack error says where
        }
    }
}
