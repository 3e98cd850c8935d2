package dev.jcompose.engine.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.ImageException;
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
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.Lease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An OCI image layout (already extracted by {@link ImageArchiveLoader}) into the store: each entry
 * of {@code index.json} that is an image manifest, or an index from which {@code platform}'s
 * manifest is chosen, becomes an image; every blob is read from {@code blobs/sha256/<hex>} and
 * verified against the digest that names it. The image's name comes from the entry's annotations
 * ({@link OciRefNames}); an entry without one loads untagged, as Docker does.
 */
final class OciLayoutLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageStore store;
    private final Lease lease;

    OciLayoutLoader(ImageStore store, Lease lease) {
        this.store = store;
        this.lease = lease;
    }

    List<ImageRecord> load(Path dir, Platform platform, Consumer<String> progress) throws IOException {
        JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
        List<ImageRecord> out = new ArrayList<>();
        for (JsonNode entry : index.path("manifests")) {
            String mediaType = entry.path("mediaType").asText("");
            if (!MediaTypes.isManifest(mediaType) && !MediaTypes.isIndex(mediaType)) {
                continue; // attestations, artifacts: not images
            }
            Digest digest = Digest.parse(entry.path("digest").asText());
            Optional<String> name = OciRefNames.imageName(entry.path("annotations"));
            out.add(loadOne(dir, new Descriptor(mediaType, digest, entry.path("size").asLong(-1) < 0 ? 0 : entry.path("size").asLong()),
                    name, platform, progress));
        }
        if (out.isEmpty()) {
            throw new ImageException("loading an OCI image layout: its index.json names no image manifest");
        }
        return out;
    }

    private ImageRecord loadOne(Path dir, Descriptor top, Optional<String> name, Platform platform, Consumer<String> progress)
            throws IOException {
        Digest indexDigest = null;
        Descriptor chosen = top;
        Manifest m = ManifestParser.parse(blob(dir, top), top.mediaType(), "the archive's image " + top.digest());
        if (m instanceof ImageIndex index) {
            indexDigest = top.digest();
            chosen = PlatformSelector.select(index, platform).orElseThrow(() -> new ImageException(
                    "loading the archive's image " + top.digest() + ": no manifest for " + platform + " in its index"));
            m = ManifestParser.parse(blob(dir, chosen), chosen.mediaType(), "the archive's image " + chosen.digest());
        }
        if (!(m instanceof ImageManifest manifest)) {
            throw new ImageException("loading the archive's image " + chosen.digest() + ": a nested index is not supported");
        }
        byte[] configBytes = blob(dir, manifest.config());
        ImageConfig config = ConfigParser.parse(configBytes, "the archive's image " + chosen.digest());
        List<LayerImporter.Source> sources = new ArrayList<>();
        for (Descriptor d : manifest.layers()) {
            sources.add(new LayerImporter.Source(blobPath(dir, d.digest()), d.digest(), d.mediaType(), d.digest().toString()));
        }
        LayerImporter.Result layers = new LayerImporter(store, lease).importAll(sources, config, "the archive's image " + chosen.digest());
        List<String> tags = name.map(List::of).orElse(List.of());
        ImageRecord record = store.commit(new ImageRecord(manifest.config().digest(), tags, List.of(), chosen.digest(),
                manifest.mediaType(), indexDigest, config.platform().toString(), layers.layers(), config.created(), layers.size()));
        progress.accept(name.map(n -> "Loaded image: " + OciRefNames.familiar(n)).orElse("Loaded image ID: " + record.id()) + "\n");
        return record;
    }

    /** A small blob (manifest, index, config) read, verified against its digest and stored. */
    private byte[] blob(Path dir, Descriptor d) throws IOException {
        byte[] bytes = Files.readAllBytes(blobPath(dir, d.digest()));
        Digest actual = Digest.of(bytes);
        if (!actual.equals(d.digest())) {
            throw new ImageException("loading an OCI image layout: blob " + d.digest() + " has digest " + actual);
        }
        lease.hold(d.digest());
        store.blobs().putBytes(bytes);
        return bytes;
    }

    private static Path blobPath(Path dir, Digest digest) {
        return ArchiveExtractor.inside(dir, "blobs/" + Digest.ALGORITHM + "/" + digest.hex(), "the OCI layout");
    }
}
