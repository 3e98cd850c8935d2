package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.store.LayerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's root filesystem from its image: the overlay mount data (the image's layers as
 * lower dirs, topmost first, by their short links; the container's own upper and work dirs) that the
 * shim mounts in the container's mount namespace, and reads of image files (/etc/passwd …) before
 * anything is mounted.
 */
public final class ImageRootfs {
    private final ImageStore images;
    private final ImageRecord image;

    public ImageRootfs(ImageStore images, ImageRecord image) {
        this.images = images;
        this.image = image;
    }

    /** Creates {@code <dir>/upper}, {@code <dir>/work}, {@code <dir>/rootfs} and returns the overlay data. */
    public String overlayData(Path containerDir) throws IOException {
        Path upper = Files.createDirectories(containerDir.resolve("upper"));
        Path work = Files.createDirectories(containerDir.resolve("work"));
        Files.createDirectories(containerDir.resolve("rootfs"));
        List<String> lower = new ArrayList<>();
        if (image.topChainId() == null) {
            lower.add(Files.createDirectories(containerDir.resolve("empty-layer")).toString());
        } else {
            for (String rel : images.layers().lowerDirs(image.topChainId())) {
                lower.add(images.root().resolve(rel).toString());
            }
        }
        return "lowerdir=" + String.join(":", lower) + ",upperdir=" + upper + ",workdir=" + work;
    }

    /** The image's layer directories, base first (to copy a path of the image into a new volume). */
    public java.util.List<Path> layerDirsBaseFirst() throws IOException {
        java.util.LinkedList<Path> out = new java.util.LinkedList<>();
        Digest cur = image.topChainId();
        while (cur != null) {
            LayerInfo info = images.layers().get(cur).orElseThrow(() -> new IOException("image layer missing from the store"));
            out.addFirst(info.diffDir());
            cur = info.parent();
        }
        return out;
    }

    /** A file of the image, from the topmost layer that has it (whiteouts are not followed: good enough for /etc files). */
    public Optional<String> read(String relative) throws IOException {
        Digest cur = image.topChainId();
        while (cur != null) {
            LayerInfo info = images.layers().get(cur).orElseThrow(() -> new IOException("image layer missing from the store"));
            Path f = info.diffDir().resolve(relative);
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(Files.readString(f));
            }
            cur = info.parent();
        }
        return Optional.empty();
    }
}
