package dev.jcompose.engine.image.archive;

import dev.jcompose.engine.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Spools an image archive ({@code docker save} or OCI layout tar) into a scratch directory, since
 * the file that says what the archive holds ({@code manifest.json}, {@code index.json}) may come
 * last. Only directories, regular files and symlinks to regular files inside the archive are kept;
 * no entry lands outside the directory.
 */
final class ArchiveExtractor {
    private ArchiveExtractor() {
    }

    static void extract(InputStream archive, Path dir) throws IOException {
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

    /** The regular file {@code name} inside {@code dir}, or an error naming what the archive lacks. */
    static Path inside(Path dir, String name, String namedBy) {
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
            throw new ImageException(namedBy + " names \"" + name + "\", which the archive does not contain");
        }
        return p;
    }
}
