package dev.jcompose.engine.image.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.engine.image.manifest.MediaTypes;
import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.ref.DigestingInputStream;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import dev.jcompose.engine.image.store.LayerRecord;
import dev.jcompose.engine.image.store.Lease;
import dev.jcompose.engine.image.unpack.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code docker import}: a rootfs tarball (plain, gzip or zstd) becomes a one-layer image. The layer
 * blob is kept as received, the config carries the {@link ImageChanges} and one history entry
 * ({@code Imported from -}, or the message given), and the image ID is the config's digest.
 */
public final class RootfsImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ImageStore store;

    public RootfsImporter(ImageStore store) {
        this.store = store;
    }

    /** What to make of the tarball. */
    public record Request(ImageReference tag, List<String> changes, String message, Platform platform, String source) {
        public Request {
            changes = List.copyOf(changes);
        }
    }

    public ImageRecord importTarball(InputStream body, Path scratch, Request request) throws IOException {
        ObjectNode containerConfig = ImageChanges.apply(JSON.createObjectNode(), request.changes());
        Path file = Files.createTempFile(scratch, "import-", ".layer");
        try (Lease lease = store.lease()) {
            Digest blob;
            try (DigestingInputStream in = new DigestingInputStream(body); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
                blob = in.digest();
            }
            Compression compression;
            Digest diffId;
            try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                compression = Compression.detect(raw);
                try (DigestingInputStream tar = new DigestingInputStream(compression.open(raw))) {
                    tar.transferTo(OutputStream.nullOutputStream());
                    diffId = tar.digest();
                }
            }
            lease.hold(blob);
            try (InputStream in = Files.newInputStream(file)) {
                store.blobs().put(blob, Files.size(file), in, null);
            }
            LayerInfo layer;
            try (InputStream in = store.blobs().open(blob)) {
                layer = store.layers().unpack(null, diffId, "imported from " + request.source(), in);
            }
            lease.hold(layer.chainId());
            String created = Instant.now().toString();
            ObjectNode config = JSON.createObjectNode().put("architecture", request.platform().architecture())
                    .put("os", request.platform().os()).put("created", created);
            if (request.platform().variant() != null) {
                config.put("variant", request.platform().variant());
            }
            config.set("config", containerConfig);
            ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
            rootfs.putArray("diff_ids").add(diffId.toString());
            config.putArray("history").addObject().put("created", created).put("created_by", "")
                    .put("comment", request.message() == null || request.message().isEmpty() ? "Imported from " + request.source() : request.message());
            byte[] configBytes = JSON.writeValueAsBytes(config);
            Digest id = store.blobs().putBytes(configBytes);
            lease.hold(id);
            String mediaType = switch (compression) {
                case NONE -> MediaTypes.OCI_LAYER;
                case GZIP -> MediaTypes.OCI_LAYER_GZIP;
                case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
            };
            ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.putObject("config").put("mediaType", MediaTypes.OCI_CONFIG).put("digest", id.toString()).put("size", configBytes.length);
            manifest.putArray("layers").addObject().put("mediaType", mediaType).put("digest", blob.toString()).put("size", Files.size(file));
            Digest manifestDigest = store.blobs().putBytes(JSON.writeValueAsBytes(manifest));
            List<String> tags = request.tag() == null ? List.of() : List.of(request.tag().toString());
            return store.commit(new ImageRecord(id, tags, List.of(), manifestDigest, MediaTypes.OCI_MANIFEST, null,
                    request.platform().toString(), List.of(new LayerRecord(blob, mediaType, Files.size(file), diffId, layer.chainId())),
                    created, layer.size()));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
