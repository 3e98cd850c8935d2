package dev.jcompose.engine.image.archive;

import dev.jcompose.engine.image.ImageException;
import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.Lease;
import dev.jcompose.engine.image.unpack.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code docker load}: an image archive into the store, whichever of the two formats Docker 25+
 * accepts it is. With a {@code manifest.json} it is a {@code docker save} archive (Docker 25+ writes
 * both files; like Docker, {@code manifest.json} wins); without one but with {@code oci-layout} and
 * {@code index.json} it is an OCI image layout ({@code skopeo copy … oci-archive:}, {@code buildx
 * --output type=oci}, {@code podman save --format oci-archive}).
 */
public final class ImageArchiveLoader {
    private final ImageStore store;

    public ImageArchiveLoader(ImageStore store) {
        this.store = store;
    }

    /**
     * Loads every image of the archive; {@code platform} picks the manifest of a multi-platform
     * index; {@code progress} gets Docker's "Loaded image: …" lines.
     */
    public List<ImageRecord> load(InputStream archive, Path scratch, Platform platform, Consumer<String> progress) throws IOException {
        Path dir = Files.createTempDirectory(scratch, "load");
        try (Lease lease = store.lease()) {
            ArchiveExtractor.extract(archive, dir);
            if (Files.isRegularFile(dir.resolve("manifest.json"))) {
                return new DockerArchiveLoader(store, lease).load(dir, progress);
            }
            if (Files.isRegularFile(dir.resolve("index.json")) && Files.isRegularFile(dir.resolve("oci-layout"))) {
                return new OciLayoutLoader(store, lease).load(dir, platform, progress);
            }
            throw new ImageException("loading an image archive: it has neither manifest.json (docker save) nor oci-layout and index.json"
                    + " (OCI image layout)");
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }
}
