package dev.jcompose.engine.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a tar stream into a directory under a root, every entry resolved with {@link ScopedPath}
 * (so neither {@code ..} in names nor links already there lead outside the root). The first path
 * element of every entry may be renamed (docker cp's copy to a new name).
 */
public final class TarExtract {
    /** Who owns what is unpacked: the tar's owners ({@code cp -a}), root (Docker's default in a container), or the caller (a local copy). */
    public enum Ownership {
        KEEP, ROOT, CALLER
    }

    /**
     * @param renameFirst         replaces the first element of each entry name (null: keep)
     * @param noOverwriteDirNonDir refuse to replace a directory with a non-directory or the reverse
     */
    public record Options(String renameFirst, Ownership ownership, boolean noOverwriteDirNonDir, IdShift shift) {
        public Options(String renameFirst, Ownership ownership, boolean noOverwriteDirNonDir) {
            this(renameFirst, ownership, noOverwriteDirNonDir, IdShift.NONE);
        }
    }

    private TarExtract() {
    }

    /** Unpacks {@code tar} into {@code dir} (a path in {@code root}, which must exist as a directory); returns the number of entries. */
    public static int extract(InputStream tar, Path root, String dir, Options options) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(tar);
        int count = 0;
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            String name = rename(e.getName(), options.renameFirst());
            if (name.isEmpty()) {
                continue;
            }
            ScopedPath target = ScopedPath.resolve(root, dir + "/" + name, false);
            if (target.container().equals("/")) {
                continue;
            }
            Path host = target.host();
            Files.createDirectories(host.getParent());
            boolean exists = Files.exists(host, LinkOption.NOFOLLOW_LINKS);
            boolean existingDir = Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS);
            if (exists && options.noOverwriteDirNonDir() && existingDir != e.isDirectory()) {
                throw new IOException("cannot overwrite " + (existingDir ? "directory" : "non-directory") + " \"" + target.container()
                        + "\" with " + (e.isDirectory() ? "directory" : "non-directory") + " \"" + e.getName() + "\"");
            }
            if (e.isDirectory()) {
                if (exists && !existingDir) {
                    Files.delete(host);
                }
                if (!existingDir) {
                    Files.createDirectory(host);
                }
            } else {
                if (existingDir) {
                    try {
                        Files.delete(host);
                    } catch (DirectoryNotEmptyException x) {
                        throw new IOException("cannot overwrite non-empty directory \"" + target.container() + "\" with a file", x);
                    }
                }
                if (e.isSymbolicLink()) {
                    Files.deleteIfExists(host);
                    Files.createSymbolicLink(host, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Path linked = ScopedPath.resolve(root, dir + "/" + rename(e.getLinkName(), options.renameFirst()), false).host();
                    Files.deleteIfExists(host);
                    Files.createLink(host, linked);
                } else if (e.isFile()) {
                    Files.copy(in, host, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    continue; // devices and fifos are not made by a copy
                }
            }
            count++;
            finish(host, e, options.ownership(), options.shift());
        }
        return count;
    }

    private static void finish(Path host, TarArchiveEntry e, Ownership ownership, IdShift shift) throws IOException {
        if (ownership != Ownership.CALLER) {
            int uid = (int) shift.uid().applyAsLong(ownership == Ownership.KEEP ? e.getLongUserId() : 0);
            int gid = (int) shift.gid().applyAsLong(ownership == Ownership.KEEP ? e.getLongGroupId() : 0);
            Files.setAttribute(host, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(host, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
        if (!e.isSymbolicLink()) {
            Files.setAttribute(host, "unix:mode", e.getMode() & 07777);
            Files.setLastModifiedTime(host, FileTime.fromMillis(e.getModTime().getTime()));
        }
    }

    /** {@code a/b/c} with the first element replaced: {@code x/b/c}; leading {@code ./} and {@code /} dropped. */
    static String rename(String name, String first) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("/") ? 1 : 2);
        }
        if (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        if (first == null || n.isEmpty()) {
            return n;
        }
        int slash = n.indexOf('/');
        return slash < 0 ? first : first + n.substring(slash);
    }
}
