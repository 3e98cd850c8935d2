package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.shim.UserNamespace;
import dev.jcompose.engine.volume.VolumeRecord;
import dev.jcompose.engine.volume.VolumeSource;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Docker's copy-up: a new, empty named volume mounted where the image has content starts with that
 * content (files, directories, symlinks, modes and owners), taken from the image's layers base first
 * so upper layers win; overlay whiteouts (character devices 0/0) remove what lower layers had. Under a
 * remapped user namespace the owners are the host ids the container's ids map to (as dockerd copies).
 */
final class VolumeCopyUp {
    private VolumeCopyUp() {
    }

    /**
     * Named and anonymous volumes of {@code r} that are new and empty get the image's content at their mount point
     * (unless {@code nocopy}); anonymous ones — and those of {@code Config.Volumes} paths ({@link ImageVolumes}) — are
     * found in {@code r}'s recorded {@code Mounts}.
     */
    static void copyUpNamedVolumes(ContainerRecord r, ImageRootfs rootfs, Function<String, VolumeRecord> volume) throws IOException {
        copyUpNamedVolumes(r, rootfs, volume, null);
    }

    /** @param ids the container's user namespace (null: the host's): owners are shifted through its maps */
    static void copyUpNamedVolumes(ContainerRecord r, ImageRootfs rootfs, Function<String, VolumeRecord> volume, UserNamespace ids)
            throws IOException {
        for (String bind : r.hostConfig().binds() == null ? List.<String>of() : r.hostConfig().binds()) {
            String[] parts = bind.split(":");
            if (parts.length >= 2 && !parts[0].startsWith("/") && !(parts.length > 2 && parts[2].contains("nocopy"))) {
                VolumeRecord v = volume.apply(parts[0]);
                if (VolumeSource.of(v).isDataDirectory()) {
                    copy(rootfs.layerDirsBaseFirst(), parts[1], Path.of(v.mountpoint()), ids);
                }
            }
        }
        for (String path : ImageVolumes.uncovered(r)) {
            String name = ImageVolumes.recordedName(path, r.mounts());
            VolumeRecord v = name.isEmpty() ? null : volume.apply(name);
            if (v != null && VolumeSource.of(v).isDataDirectory()) {
                copy(rootfs.layerDirsBaseFirst(), path, Path.of(v.mountpoint()), ids);
            }
        }
        for (HostConfig.Mount m : r.hostConfig().mounts() == null ? List.<HostConfig.Mount>of() : r.hostConfig().mounts()) {
            boolean noCopy = m.volumeOptions() != null && Boolean.TRUE.equals(m.volumeOptions().noCopy());
            String name = "volume".equals(m.type()) ? ContainerMounts.volumeName(m, r.mounts()) : "";
            if (name.isEmpty() || noCopy) {
                continue;
            }
            VolumeRecord v = volume.apply(name);
            if (VolumeSource.of(v).isDataDirectory()) {
                copy(rootfs.layerDirsBaseFirst(), m.target(), Path.of(v.mountpoint()), ids);
            }
        }
    }

    /** Copies the image's {@code target} into {@code volumeData} when the volume is empty; true if something was copied. */
    static boolean copy(List<Path> layersBaseFirst, String target, Path volumeData) throws IOException {
        return copy(layersBaseFirst, target, volumeData, null);
    }

    static boolean copy(List<Path> layersBaseFirst, String target, Path volumeData, UserNamespace ids) throws IOException {
        if (!isEmpty(volumeData)) {
            return false;
        }
        String rel = target.startsWith("/") ? target.substring(1) : target;
        boolean copied = false;
        for (Path layer : layersBaseFirst) {
            Path src = layer.resolve(rel);
            if (!Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            copyTree(src, volumeData, ids);
            copied = true;
        }
        if (copied) {
            Path top = layersBaseFirst.stream().map(l -> l.resolve(rel)).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .reduce((a, b) -> b).orElseThrow();
            copyOwnerAndMode(top, volumeData, ids);
        }
        return copied;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void copyTree(Path from, Path to, UserNamespace ids) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path dest = to.resolve(from.relativize(dir).toString());
                if (!dir.equals(from)) {
                    if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(dest);
                        Files.createDirectory(dest);
                    }
                    copyOwnerAndMode(dir, dest, ids);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path dest = to.resolve(from.relativize(file).toString());
                if (attrs.isOther()) {
                    // an overlay whiteout (or another device): what it hides goes
                    dev.jcompose.engine.image.unpack.FileTrees.deleteRecursively(dest);
                    return FileVisitResult.CONTINUE;
                }
                if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                    dev.jcompose.engine.image.unpack.FileTrees.deleteRecursively(dest);
                }
                Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                copyOwnerAndMode(file, dest, ids);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyOwnerAndMode(Path from, Path to, UserNamespace ids) throws IOException {
        int uid = (Integer) Files.getAttribute(from, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int gid = (Integer) Files.getAttribute(from, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        if (ids != null) {
            // an id the namespace does not map shows as nobody inside: its overflow id, 65534
            uid = (int) (ids.hostUid(uid) >= 0 ? ids.hostUid(uid) : ids.hostUid(65534));
            gid = (int) (ids.hostGid(gid) >= 0 ? ids.hostGid(gid) : ids.hostGid(65534));
        }
        Files.setAttribute(to, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(to, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        if (!Files.isSymbolicLink(to)) {
            Files.setAttribute(to, "unix:mode", Files.getAttribute(from, "unix:mode", LinkOption.NOFOLLOW_LINKS));
        }
    }
}
