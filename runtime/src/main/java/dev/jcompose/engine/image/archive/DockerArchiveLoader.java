package dev.jcompose.engine.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.manifest.ConfigParser;
import dev.jcompose.engine.image.manifest.ImageConfig;
import dev.jcompose.engine.image.manifest.MediaTypes;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerRecord;
import dev.jcompose.engine.image.store.Lease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code docker save} archives, already extracted by {@link ImageArchiveLoader}: the archive's
 * {@code manifest.json} names each image's config and layer tars; layers are stored and unpacked
 * once each (by chain ID), the config becomes the image ID, and the tags are normalised as Docker's.
 */
final class DockerArchiveLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageStore store;
    private final Lease lease;

    DockerArchiveLoader(ImageStore store, Lease lease) {
        this.store = store;
        this.lease = lease;
    }

    /** Loads every image {@code dir/manifest.json} lists; {@code progress} gets Docker's "Loaded image: …" lines. */
    List<ImageRecord> load(Path dir, Consumer<String> progress) throws IOException {
        List<ImageRecord> out = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(dir.resolve("manifest.json").toFile())) {
            out.add(loadOne(dir, entry, progress));
        }
        return out;
    }

    private ImageRecord loadOne(Path dir, JsonNode entry, Consumer<String> progress) throws IOException {
        byte[] config = Files.readAllBytes(ArchiveExtractor.inside(dir, entry.path("Config").asText(), "the archive's manifest"));
        Digest id = store.blobs().putBytes(config);
        lease.hold(id);
        ImageConfig parsed = ConfigParser.parse(config, "the loaded image");
        List<LayerImporter.Source> sources = new ArrayList<>();
        for (JsonNode layerName : entry.path("Layers")) {
            sources.add(new LayerImporter.Source(ArchiveExtractor.inside(dir, layerName.asText(), "the archive's manifest"), null,
                    MediaTypes.OCI_LAYER, layerName.asText()));
        }
        LayerImporter.Result imported = new LayerImporter(store, lease).importAll(sources, parsed, "the archive's image " + id.shortHex());
        StringBuilder manifest = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST
                + "\",\"config\":{\"mediaType\":\"" + MediaTypes.DOCKER_CONFIG + "\",\"size\":" + config.length + ",\"digest\":\"" + id
                + "\"},\"layers\":[");
        List<LayerRecord> layers = imported.layers();
        for (int k = 0; k < layers.size(); k++) {
            LayerRecord l = layers.get(k);
            manifest.append(k == 0 ? "" : ",").append("{\"mediaType\":\"").append(l.mediaType()).append("\",\"size\":").append(l.size())
                    .append(",\"digest\":\"").append(l.blob()).append("\"}");
        }
        manifest.append("]}");
        Digest manifestDigest = store.blobs().putBytes(manifest.toString().getBytes(StandardCharsets.UTF_8));
        lease.hold(manifestDigest);
        List<String> tags = new ArrayList<>();
        for (JsonNode t : entry.path("RepoTags")) {
            tags.add(ImageReference.parse(t.asText()).toString());
        }
        ImageRecord record = store.commit(new ImageRecord(id, tags, List.of(), manifestDigest, MediaTypes.DOCKER_MANIFEST, null,
                parsed.platform().toString(), layers, parsed.created(), imported.size()));
        if (tags.isEmpty()) {
            progress.accept("Loaded image ID: " + id + "\n");
        }
        for (JsonNode t : entry.path("RepoTags")) {
            progress.accept("Loaded image: " + t.asText() + "\n");
        }
        return record;
    }
}
