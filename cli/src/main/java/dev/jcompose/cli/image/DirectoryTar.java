package dev.jcompose.cli.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A directory (an OCI image layout) as a tar stream, written by a background thread while the
 * caller reads, so {@code jcompose image load -i DIR} sends it without a temp file. Only
 * directories and regular files are sent, with names relative to the directory; symlinks are
 * followed to regular files, as an OCI layout holds no others.
 */
final class DirectoryTar {
    private DirectoryTar() {
    }

    static InputStream open(Path dir) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.sorted().toList();
        }
        Thread t = new Thread(() -> write(dir, files, out), "layout-tar");
        t.setDaemon(true);
        t.start();
        return in;
    }

    private static void write(Path dir, List<Path> files, OutputStream raw) {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path p : files) {
                String name = dir.relativize(p).toString();
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tar.putArchiveEntry(new TarArchiveEntry(name + "/"));
                    tar.closeArchiveEntry();
                } else if (Files.isRegularFile(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(name);
                    e.setSize(Files.size(p));
                    tar.putArchiveEntry(e);
                    Files.copy(p, tar);
                    tar.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            // the reader sees a truncated archive and the engine says so; closing the pipe ends it
            try {
                raw.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }
}
