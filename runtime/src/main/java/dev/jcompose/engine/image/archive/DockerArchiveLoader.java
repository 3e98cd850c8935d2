package dev.jcompose.engine.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.ImageException;
import dev.jcompose.engine.image.manifest.ConfigParser;
import dev.jcompose.engine.image.manifest.ImageConfig;
import dev.jcompose.engine.image.manifest.MediaTypes;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import dev.jcompose.engine.image.store.LayerRecord;
import dev.jcompose.engine.image.unpack.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code docker save} archives into the store ({@code docker load}): the archive's
 * {@code manifest.json} names each image's config and layer tars; layers are stored and unpacked
 * once each (by chain ID), the config becomes the image ID, and the tags are normalised as Docker's.
 * The archive is spooled to a scratch directory first, since {@code manifest.json} may come last.
 */
public final class DockerArchiveLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageStore store;

    public DockerArchiveLoader(ImageStore store) {
        this.store = store;
    }

    /** Loads every image of the archive; {@code progress} gets Docker's "Loaded image: …" lines. */
    public List<ImageRecord> load(InputStream archive, Path scratch, Consumer<String> progress) throws IOException {
        Path dir = Files.createTempDirectory(scratch, "load");
        try {
            extract(archive, dir);
            Path manifestFile = dir.resolve("manifest.json");
            if (!Files.isRegularFile(manifestFile)) {
                throw new ImageException("the archive has no manifest.json: not a docker save archive");
            }
            List<ImageRecord> out = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(manifestFile.toFile())) {
                out.add(loadOne(dir, entry, progress));
            }
            return out;
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    private ImageRecord loadOne(Path dir, JsonNode entry, Consumer<String> progress) throws IOException {
        byte[] config = Files.readAllBytes(inside(dir, entry.path("Config").asText()));
        Digest id = store.blobs().putBytes(config);
        ImageConfig parsed = ConfigParser.parse(config, "the loaded image");
        List<LayerRecord> layers = new ArrayList<>();
        Digest parent = null;
        long size = 0;
        int i = 0;
        for (JsonNode layerName : entry.path("Layers")) {
            Path layer = inside(dir, layerName.asText());
            Digest blob;
            try (InputStream in = Files.newInputStream(layer)) {
                blob = Digest.fromRaw(sha256(in));
            }
            try (InputStream in = Files.newInputStream(layer)) {
                store.blobs().put(blob, Files.size(layer), in, null);
            }
            Digest diffId = i < parsed.diffIds().size() ? parsed.diffIds().get(i) : blob;
            LayerInfo info;
            try (InputStream in = store.blobs().open(blob)) {
                info = store.layers().unpack(parent, diffId, layerName.asText(), in);
            }
            layers.add(new LayerRecord(blob, MediaTypes.OCI_LAYER, Files.size(layer), diffId, info.chainId()));
            parent = info.chainId();
            size += info.size();
            i++;
        }
        StringBuilder manifest = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST
                + "\",\"config\":{\"mediaType\":\"" + MediaTypes.DOCKER_CONFIG + "\",\"size\":" + config.length + ",\"digest\":\"" + id
                + "\"},\"layers\":[");
        for (int k = 0; k < layers.size(); k++) {
            LayerRecord l = layers.get(k);
            manifest.append(k == 0 ? "" : ",").append("{\"mediaType\":\"").append(l.mediaType()).append("\",\"size\":").append(l.size())
                    .append(",\"digest\":\"").append(l.blob()).append("\"}");
        }
        manifest.append("]}");
        Digest manifestDigest = store.blobs().putBytes(manifest.toString().getBytes(StandardCharsets.UTF_8));
        List<String> tags = new ArrayList<>();
        for (JsonNode t : entry.path("RepoTags")) {
            tags.add(ImageReference.parse(t.asText()).toString());
        }
        ImageRecord record = store.commit(new ImageRecord(id, tags, List.of(), manifestDigest, MediaTypes.DOCKER_MANIFEST, null,
                parsed.platform().toString(), layers, parsed.created(), size));
        if (tags.isEmpty()) {
            progress.accept("Loaded image ID: " + id + "\n");
        }
        for (JsonNode t : entry.path("RepoTags")) {
            progress.accept("Loaded image: " + t.asText() + "\n");
        }
        return record;
    }

    private static Path inside(Path dir, String name) {
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
            throw new ImageException("the archive's manifest names \"" + name + "\", which the archive does not contain");
        }
        return p;
    }

    private static void extract(InputStream archive, Path dir) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(archive);
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            Path target = dir.resolve(e.getName()).normalize();
            if (!target.startsWith(dir)) {
                throw new ImageException("archive entry \"" + e.getName() + "\" escapes the archive");
            }
            if (e.isDirectory()) {
                Files.createDirectories(target);
            } else if (e.isFile()) {
                Files.createDirectories(target.getParent());
                Files.copy(tar, target);
            } else if (e.isSymbolicLink()) {
                Path link = target.getParent().resolve(e.getLinkName()).normalize();
                if (link.startsWith(dir) && Files.isRegularFile(link)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(link, target);
                }
            }
        }
    }

    private static byte[] sha256(InputStream in) throws IOException {
        var md = Digest.newSha256();
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
        return md.digest();
    }
}
