package dev.jcompose.engine.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A remapped root is "others" to host-owned directories: the engine's state directories it walks to
 * its rootfs mount point, /etc files and volumes get the search bit for others (dockerd makes its
 * root 0711 for the same reason), whatever the umask made them. Nothing becomes readable.
 */
public final class RemappedPaths {
    private RemappedPaths() {
    }

    public static void searchable(Path... dirs) throws IOException {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (p.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(dir, p);
            }
        }
    }
}
