package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.ref.InvalidReferenceException;
import dev.jcompose.engine.image.unpack.FileTrees;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The image store under one root directory ({@code /var/lib/jcompose/images} by default):
 * <pre>
 * blobs/sha256/&lt;hex&gt;    manifests, configs, layer blobs (verified before they appear)
 * layers/&lt;chain hex&gt;/   unpacked layers ({@link LayerStore}), l/ short links
 * images/&lt;id hex&gt;.json  image records, written atomically
 * tmp/                  work in progress; emptied by {@link #open}
 * </pre>
 * Image, tag and garbage-collection operations are serialised on the store; blob downloads and
 * layer unpacking run concurrently outside that lock.
 */
public final class ImageStore {
    private final Path root;
    private final Path tmp;
    private final BlobStore blobs;
    private final LayerStore layers;
    private final ImageRecordStore records;
    private final Map<Digest, ImageRecord> images = new LinkedHashMap<>();
    private final Set<Lease> leases = ConcurrentHashMap.newKeySet();

    private ImageStore(Path root, LayerUnpacker unpacker) throws IOException {
        this.root = root.toAbsolutePath();
        this.tmp = this.root.resolve("tmp");
        FileTrees.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        this.blobs = new BlobStore(this.root.resolve("blobs").resolve(Digest.ALGORITHM), tmp);
        this.layers = new LayerStore(this.root.resolve("layers"), this.root.resolve("l"), tmp, unpacker);
        this.records = new ImageRecordStore(this.root.resolve("images"), tmp);
    }

    /**
     * Opens (creating if needed) the store at {@code root} and makes it consistent after a crash:
     * temp files go, half-unpacked layers go, image records whose content is missing are kept but
     * will be completed by the next pull of the same image.
     */
    public static ImageStore open(Path root, LayerUnpacker unpacker) throws IOException {
        ImageStore s = new ImageStore(root, unpacker);
        s.layers.recover();
        for (ImageRecord r : s.records.loadAll()) {
            s.images.put(r.id(), r);
        }
        return s;
    }

    public Path root() {
        return root;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public LayerStore layers() {
        return layers;
    }

    /** A lease that keeps blobs and layers of a pull in progress safe from garbage collection. */
    public Lease lease() {
        return new Lease(leases);
    }

    public synchronized List<ImageRecord> list() {
        return List.copyOf(images.values());
    }

    public synchronized Optional<ImageRecord> get(Digest id) {
        return Optional.ofNullable(images.get(id));
    }

    /** Whether every blob and layer the record names is present (a pull killed midway leaves it false). */
    public boolean isComplete(ImageRecord r) {
        return r.blobs().stream().allMatch(blobs::has) && (r.topChainId() == null || layers.has(r.topChainId()));
    }

    /**
     * Saves an image, merging tags and digests with a record of the same ID; a tag another image
     * had moves to this one (the other keeps its other names, or becomes dangling).
     */
    public synchronized ImageRecord commit(ImageRecord record) throws IOException {
        ImageRecord old = images.get(record.id());
        List<String> tags = union(old == null ? List.of() : old.repoTags(), record.repoTags());
        List<String> digests = union(old == null ? List.of() : old.repoDigests(), record.repoDigests());
        ImageRecord merged = record.withRefs(tags, digests);
        for (ImageRecord other : List.copyOf(images.values())) {
            if (other.id().equals(record.id())) {
                continue;
            }
            List<String> keptTags = other.repoTags().stream().filter(t -> !tags.contains(t)).toList();
            List<String> keptDigests = other.repoDigests().stream().filter(d -> !digests.contains(d)).toList();
            if (keptTags.size() != other.repoTags().size() || keptDigests.size() != other.repoDigests().size()) {
                put(other.withRefs(keptTags, keptDigests));
            }
        }
        put(merged);
        return merged;
    }

    /**
     * Finds an image as docker resolves names: a reference ({@code busybox}, {@code busybox:1},
     * {@code name@sha256:…}), a full ID ({@code sha256:…}) or a unique ID prefix.
     */
    public synchronized Optional<ImageRecord> find(String nameOrId) {
        if (nameOrId.startsWith(Digest.ALGORITHM + ":")) {
            try {
                return Optional.ofNullable(images.get(Digest.parse(nameOrId)));
            } catch (InvalidReferenceException e) {
                return Optional.empty();
            }
        }
        try {
            ImageReference ref = ImageReference.parse(nameOrId);
            Optional<ImageRecord> byRef = images.values().stream().filter(r -> matches(r, ref)).findFirst();
            if (byRef.isPresent()) {
                return byRef;
            }
        } catch (InvalidReferenceException e) {
            // may still be an ID or an ID prefix
        }
        if (nameOrId.matches("[a-f0-9]{1,64}")) {
            List<ImageRecord> hits = images.values().stream().filter(r -> r.id().hex().startsWith(nameOrId)).toList();
            if (hits.size() == 1) {
                return Optional.of(hits.get(0));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(ImageRecord r, ImageReference ref) {
        if (ref.digest() != null) {
            String byDigest = ref.name() + "@" + ref.digest();
            return r.repoDigests().contains(byDigest)
                    || ref.digest().equals(r.manifest()) && r.repoDigests().stream().anyMatch(d -> d.startsWith(ref.name() + "@"));
        }
        return r.repoTags().contains(ref.toString());
    }

    /**
     * Removes an image or one of its names, as {@code docker rmi}: a tag of an image with other tags
     * is only untagged; otherwise the image is deleted with every layer and blob no other image
     * needs. An image {@code inUse} (by containers) is never deleted.
     *
     * @param force untag even when the image is in use, and delete by ID an image with several tags
     */
    public synchronized RemoveResult remove(String nameOrId, Predicate<Digest> inUse, boolean force) throws IOException {
        ImageRecord r = find(nameOrId).orElseThrow(() -> new ImageNotFoundException(nameOrId));
        Optional<ImageReference> asRef = tagReference(nameOrId, r);
        boolean used = inUse.test(r.id());
        if (asRef.isPresent() && r.repoTags().size() > 1 || asRef.isPresent() && used && force) {
            String tag = asRef.get().toString();
            put(r.withRefs(r.repoTags().stream().filter(t -> !t.equals(tag)).toList(), r.repoDigests()));
            return new RemoveResult(List.of(asRef.get().familiarString()), List.of());
        }
        if (used) {
            throw new ImageConflictException(asRef.isPresent()
                    ? "conflict: unable to remove repository reference \"" + nameOrId + "\" (must force) - image "
                    + r.id().shortHex() + " is in use by a container"
                    : "conflict: unable to delete " + r.id().shortHex() + " (cannot be forced) - image is in use by a container");
        }
        if (asRef.isEmpty() && r.repoTags().size() > 1 && !force) {
            throw new ImageConflictException("conflict: unable to delete " + r.id().shortHex()
                    + " (must be forced) - image is referenced in multiple repositories");
        }
        List<String> untagged = new ArrayList<>();
        r.repoTags().forEach(t -> untagged.add(ImageReference.parse(t).familiarString()));
        r.repoDigests().forEach(d -> untagged.add(ImageReference.parse(d).familiarString()));
        images.remove(r.id());
        records.delete(r.id());
        List<String> deleted = new ArrayList<>();
        deleted.add(r.id().toString());
        collectGarbage().layers().forEach(l -> deleted.add(l.toString()));
        return new RemoveResult(untagged, deleted);
    }

    private static Optional<ImageReference> tagReference(String nameOrId, ImageRecord r) {
        try {
            ImageReference ref = ImageReference.parse(nameOrId);
            return ref.digest() == null && r.repoTags().contains(ref.toString()) ? Optional.of(ref) : Optional.empty();
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes images nothing needs: dangling ones (no tag), or with {@code all} every image not
     * {@code inUse}; then their layers and blobs no remaining image needs.
     */
    public synchronized PruneResult prune(Predicate<Digest> inUse, boolean all) throws IOException {
        return prune(inUse, r -> all || r.repoTags().isEmpty());
    }

    /** Removes the images {@code which} selects and nothing uses, then their layers and blobs no remaining image needs. */
    public synchronized PruneResult prune(Predicate<Digest> inUse, Predicate<ImageRecord> which) throws IOException {
        List<Digest> removed = new ArrayList<>();
        for (ImageRecord r : List.copyOf(images.values())) {
            if (which.test(r) && !inUse.test(r.id())) {
                images.remove(r.id());
                records.delete(r.id());
                removed.add(r.id());
            }
        }
        PruneResult gc = collectGarbage();
        return new PruneResult(removed, gc.layers(), gc.blobs(), gc.reclaimedBytes());
    }

    /** Deletes layers and blobs that no image record and no open lease references. */
    public synchronized PruneResult collectGarbage() throws IOException {
        Set<Digest> keepBlobs = new HashSet<>();
        Set<Digest> keepLayers = new HashSet<>();
        for (ImageRecord r : images.values()) {
            keepBlobs.addAll(r.blobs());
            r.layers().forEach(l -> keepLayers.add(l.chainId()));
        }
        long bytes = 0;
        List<Digest> goneLayers = new ArrayList<>();
        List<Digest> layerDirs = new ArrayList<>(layers.list());
        layerDirs.sort(null);
        for (Digest chain : layerDirs) {
            if (!keepLayers.contains(chain) && !leased(chain)) {
                bytes += layers.remove(chain);
                goneLayers.add(chain);
            }
        }
        List<Digest> goneBlobs = new ArrayList<>();
        for (Digest blob : blobs.list()) {
            if (!keepBlobs.contains(blob) && !leased(blob)) {
                bytes += blobs.delete(blob);
                goneBlobs.add(blob);
            }
        }
        return new PruneResult(List.of(), goneLayers, goneBlobs, bytes);
    }

    private boolean leased(Digest d) {
        return leases.stream().anyMatch(l -> l.holds(d));
    }

    private void put(ImageRecord r) throws IOException {
        records.save(r);
        images.put(r.id(), r);
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    /** Names of leftover temp entries (for tests of crash recovery). */
    List<String> tempEntries() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
