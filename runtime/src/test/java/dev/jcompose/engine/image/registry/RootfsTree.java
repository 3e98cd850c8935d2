package dev.jcompose.engine.image.registry;

import dev.jcompose.engine.image.ref.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A root filesystem described file by file (type, permission bits, owner, content digest or link
 * target, device numbers), to compare what jcompose unpacked with what {@code umoci unpack} made.
 * Times are left out: the tools set directory times differently.
 */
public final class RootfsTree {
    private RootfsTree() {
    }

    /** Relative path → one line describing the entry; the root itself is not listed. */
    public static SortedMap<String, String> describe(Path root) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.equals(root)) {
                    out.put(root.relativize(p).toString(), entry(p));
                }
            }
        }
        return out;
    }

    private static String entry(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,rdev,nlink", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        String perms = String.format("%04o %s:%s", mode & 07777, a.get("uid"), a.get("gid"));
        return switch (mode & 0170000) {
            case 0040000 -> "dir " + perms;
            case 0120000 -> "symlink " + Files.readSymbolicLink(p);
            case 0100000 -> "file " + perms + " links=" + a.get("nlink") + " " + digest(p);
            case 0020000 -> "char " + perms + " rdev=" + a.get("rdev");
            case 0060000 -> "block " + perms + " rdev=" + a.get("rdev");
            case 0010000 -> "fifo " + perms;
            default -> "other " + Integer.toOctalString(mode);
        };
    }

    private static String digest(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return Digest.of(in.readAllBytes()).shortHex();
        }
    }
}
