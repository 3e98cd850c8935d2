package dev.jcompose.engine.image.registry;

import dev.jcompose.engine.image.manifest.ConfigParser;
import dev.jcompose.engine.image.manifest.Descriptor;
import dev.jcompose.engine.image.manifest.ImageConfig;
import dev.jcompose.engine.image.manifest.ImageIndex;
import dev.jcompose.engine.image.manifest.ImageManifest;
import dev.jcompose.engine.image.manifest.Manifest;
import dev.jcompose.engine.image.manifest.ManifestParser;
import dev.jcompose.engine.image.manifest.MediaTypes;
import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.manifest.PlatformSelector;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ChainId;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import dev.jcompose.engine.image.store.LayerRecord;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import dev.jcompose.engine.image.store.Lease;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Pulls an image into the store: the manifest (choosing the platform from an index), the config,
 * each layer blob not already stored (verified by digest while it streams in), each layer unpacked
 * once by chain ID; then the image record with its tag and the digest the registry served. A pull
 * interrupted anywhere resumes with what is missing.
 */
public final class ImagePuller {
    private static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);

    /**
     * What a pull reports as it goes, in the words of Docker's progress stream: {@link #status} is a
     * layer's progress (dockerd sends it with a {@code progressDetail}, empty when there is no byte
     * count), {@link #message} a line of text ({@code Pulling from …}, {@code Digest: …}).
     */
    public interface Listener {
        void status(String id, String status, long current, long total);

        /** A message without progress; {@code id} may be null. */
        default void message(String id, String text) {
            status(id, text, 0, 0);
        }
    }

    private final RegistryClient registry;
    private final ImageStore store;
    private final LayerFetcher fetcher;

    public ImagePuller(RegistryClient registry, ImageStore store) {
        this.registry = registry;
        this.store = store;
        this.fetcher = new LayerFetcher(registry, store);
    }

    /**
     * Pulls {@code ref} for {@code platform}; each layer is downloaded and unpacked in one pass by a
     * {@link LayerFetcher} task, concurrently (bounded). Everything fetched is leased until the record is saved.
     */
    public ImageRecord pull(ImageReference ref, Platform platform, Listener listener) throws IOException, InterruptedException {
        try (Lease lease = store.lease()) {
            return pull(ref, platform, listener, lease);
        }
    }

    private ImageRecord pull(ImageReference ref, Platform platform, Listener listener, Lease lease) throws IOException, InterruptedException {
        String tagOrDigest = ref.digest() != null ? ref.digest().toString() : ref.tag() == null ? "latest" : ref.tag();
        listener.message(tagOrDigest, "Pulling from " + ref.path());
        Fetched top = fetchManifest(ref, tagOrDigest);
        Digest servedDigest = top.digest;
        Digest indexDigest = null;
        ImageManifest manifest;
        Digest manifestDigest;
        if (top.manifest instanceof ImageIndex index) {
            Descriptor chosen = PlatformSelector.select(index, platform).orElseThrow(() -> new RegistryException(
                    "no matching manifest for " + platform + " in the manifest list entries", 404));
            indexDigest = top.digest;
            Fetched one = fetchManifest(ref, chosen.digest().toString());
            manifest = (ImageManifest) one.manifest;
            manifestDigest = one.digest;
        } else {
            manifest = (ImageManifest) top.manifest;
            manifestDigest = top.digest;
        }
        lease.hold(servedDigest);
        lease.hold(manifestDigest);
        lease.hold(manifest.config().digest());
        byte[] configBytes = blob(ref, manifest.config(), null);
        ImageConfig config = ConfigParser.parse(configBytes, ref.toString());
        if (config.diffIds().size() != manifest.layers().size()) {
            throw new RegistryException("image " + ref + ": its config lists " + config.diffIds().size() + " layers, its manifest "
                    + manifest.layers().size(), 0);
        }
        List<Digest> chain = ChainId.of(config.diffIds());
        List<Future<LayerInfo>> fetched = new ArrayList<>();
        Set<Digest> announced = new HashSet<>();
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor d = manifest.layers().get(i);
            lease.hold(d.digest());
            lease.hold(chain.get(i));
            if (announced.add(d.digest())) {
                listener.status(d.digest().hex().substring(0, 12), "Pulling fs layer", 0, 0);
            }
            LayerFetcher.Job job = new LayerFetcher.Job(ref, d, config.diffIds().get(i), i == 0 ? null : chain.get(i - 1), chain.get(i));
            fetched.add(fetcher.submit(job, listener));
        }
        List<LayerRecord> layers = new ArrayList<>();
        long size = 0;
        try {
            for (int i = 0; i < manifest.layers().size(); i++) {
                Descriptor d = manifest.layers().get(i);
                LayerInfo info = await(fetched.get(i));
                layers.add(new LayerRecord(d.digest(), d.mediaType(), d.size(), config.diffIds().get(i), info.chainId()));
                size += info.size();
            }
        } finally {
            settle(fetched);
        }
        return finish(ref, manifest, manifestDigest, servedDigest, indexDigest, config, layers, size, listener);
    }

    private ImageRecord finish(ImageReference ref, ImageManifest manifest, Digest manifestDigest, Digest servedDigest, Digest indexDigest,
                               ImageConfig config, List<LayerRecord> layers, long size, Listener listener) throws IOException {
        List<String> tags = ref.digest() != null ? List.of() : List.of(ref.toString());
        ImageRecord record = store.commit(new ImageRecord(manifest.config().digest(), tags, List.of(ref.name() + "@" + servedDigest),
                manifestDigest, manifest.mediaType(), indexDigest, config.platform().toString(), layers, config.created(), size));
        listener.message(null, "Digest: " + servedDigest);
        return record;
    }

    static <T> T await(Future<T> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            throw new RegistryException("downloading a layer: " + cause, cause);
        }
    }

    /** Waits for every download to end (failed or not), so none is still writing when the pull returns. */
    private static void settle(List<? extends Future<?>> fetched) {
        for (Future<?> f : fetched) {
            try {
                f.get();
            } catch (ExecutionException | CancellationException e) {
                // reported by the layer that needed it, or irrelevant once another failed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Fetched(Manifest manifest, Digest digest) {
    }

    private Fetched fetchManifest(ImageReference ref, String reference) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = registry.get(ref, "manifests/" + reference, ACCEPT);
        byte[] bytes;
        try (InputStream in = r.body()) {
            bytes = in.readAllBytes();
        }
        Digest digest = Digest.of(bytes);
        if (reference.startsWith("sha256:") && !digest.toString().equals(reference)) {
            throw new RegistryException("manifest " + reference + " of " + ref + " has digest " + digest, 0);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        Manifest m = ManifestParser.parse(bytes, type, ref.toString());
        store.blobs().putBytes(bytes);
        return new Fetched(m, digest);
    }

    /** Streams a blob into the store (verified); returns its bytes when asked for the config (progress null). */
    private byte[] blob(ImageReference ref, Descriptor d, java.util.function.LongConsumer progress) throws IOException, InterruptedException {
        if (!store.blobs().has(d.digest())) {
            HttpResponse<InputStream> r = registry.get(ref, "blobs/" + d.digest(), null);
            try (InputStream in = r.body()) {
                store.blobs().put(d.digest(), d.size(), in, progress);
            }
        }
        return progress == null ? store.blobs().read(d.digest()) : null;
    }
}
