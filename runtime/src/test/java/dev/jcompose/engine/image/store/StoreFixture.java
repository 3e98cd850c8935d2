package dev.jcompose.engine.image.store;

import dev.jcompose.engine.image.manifest.MediaTypes;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.TarBuilder;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Puts images into a real store the way a pull would, from tars built in the test. */
final class StoreFixture {
    static ImageStore open(Path root) throws IOException {
        return ImageStore.open(root, new LayerUnpacker(new NativeFs(), new UnpackOptions(false, false)));
    }

    static byte[] layer(String file, String content) {
        return TarBuilder.gzip(new TarBuilder().file(file, 0644, content).tar());
    }

    /** Stores blobs, unpacks layers, commits a record with the given tags. */
    static ImageRecord image(ImageStore s, String configText, List<String> tags, byte[]... gzLayers) throws IOException {
        List<LayerRecord> layers = new ArrayList<>();
        Digest parent = null;
        long size = 0;
        for (byte[] gz : gzLayers) {
            Digest blob = Digest.of(gz);
            s.blobs().put(blob, gz.length, new ByteArrayInputStream(gz), null);
            Digest diffId = Digest.of(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes());
            LayerInfo info = s.layers().unpack(parent, diffId, blob.toString(), s.blobs().open(blob));
            layers.add(new LayerRecord(blob, MediaTypes.OCI_LAYER_GZIP, gz.length, diffId, info.chainId()));
            parent = info.chainId();
            size += info.size();
        }
        Digest config = s.blobs().putBytes(configText.getBytes(StandardCharsets.UTF_8));
        Digest manifest = s.blobs().putBytes(("{\"config\":\"" + config + "\"}").getBytes(StandardCharsets.UTF_8));
        List<String> digests = tags.stream().map(t -> t.substring(0, t.lastIndexOf(':')) + "@" + manifest).toList();
        return s.commit(new ImageRecord(config, tags, digests, manifest, MediaTypes.OCI_MANIFEST, null, "linux/amd64", layers,
                "", size));
    }

    private StoreFixture() {
    }
}
