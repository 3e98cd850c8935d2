package dev.jcompose.engine.image.archive;

import dev.jcompose.engine.image.manifest.ImageConfig;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import dev.jcompose.engine.image.store.LayerRecord;
import dev.jcompose.engine.image.store.Lease;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of a loaded archive into the store: each layer file becomes a verified blob (the
 * digest given by the archive's manifest, or computed when the archive names none), then is
 * unpacked once by chain ID, checked against the config's {@code diff_ids}.
 */
final class LayerImporter {
    /** One layer file of an archive; {@code digest} null when the archive does not say it. */
    record Source(Path file, Digest digest, String mediaType, String name) {
    }

    /** The image's layers as the record keeps them, and their unpacked size. */
    record Result(List<LayerRecord> layers, long size) {
    }

    private final ImageStore store;
    private final Lease lease;

    /** Everything stored is held by {@code lease} until the caller has committed the image record. */
    LayerImporter(ImageStore store, Lease lease) {
        this.store = store;
        this.lease = lease;
    }

    Result importAll(List<Source> sources, ImageConfig config, String image) throws IOException {
        if (!config.diffIds().isEmpty() && config.diffIds().size() != sources.size()) {
            throw new dev.jcompose.engine.image.ImageException("loading " + image + ": its config lists " + config.diffIds().size()
                    + " layers, its manifest " + sources.size());
        }
        List<LayerRecord> layers = new ArrayList<>();
        Digest parent = null;
        long size = 0;
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            Digest blob = s.digest() != null ? s.digest() : digestOf(s.file());
            long bytes = Files.size(s.file());
            lease.hold(blob);
            if (!store.blobs().has(blob)) {
                try (InputStream in = Files.newInputStream(s.file())) {
                    store.blobs().put(blob, s.digest() != null ? bytes : -1, in, null);
                }
            }
            Digest diffId = i < config.diffIds().size() ? config.diffIds().get(i) : blob;
            LayerInfo info;
            try (InputStream in = store.blobs().open(blob)) {
                info = store.layers().unpack(parent, diffId, s.name(), in);
            }
            lease.hold(info.chainId());
            layers.add(new LayerRecord(blob, s.mediaType(), bytes, diffId, info.chainId()));
            parent = info.chainId();
            size += info.size();
        }
        return new Result(layers, size);
    }

    private static Digest digestOf(Path file) throws IOException {
        var md = Digest.newSha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return Digest.fromRaw(md.digest());
    }
}
