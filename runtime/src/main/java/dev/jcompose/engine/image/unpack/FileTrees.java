package dev.jcompose.engine.image.unpack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removing a directory tree without following symlinks out of it. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code path} and, if it is a directory, everything under it; symlinks are removed, not followed. Absent is fine. */
    public static void deleteRecursively(Path path) throws IOException {
        BasicFileAttributes a = LayerRoot.attrs(path);
        if (a == null) {
            return;
        }
        if (!a.isDirectory()) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // a directory without write/search permission (mode 0555, 0000) could not be emptied by a non-root user
                if (!Files.isWritable(dir) || !Files.isExecutable(dir)) {
                    dir.toFile().setWritable(true, true);
                    dir.toFile().setExecutable(true, true);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
