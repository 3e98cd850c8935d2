package dev.jcompose.engine.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * lstat(2) of a path as a record: {@code st_mode} (type and permission bits), owner, size,
 * modification time and device number. The JDK's {@code unix:} attribute view answers with a map of
 * objects; this is the one place that reads it.
 */
public record UnixStat(int mode, int uid, int gid, long size, FileTime lastModified, long rdev) {
    public static final int TYPE_MASK = 0170000;

    /** The stat of {@code path} itself (a last symbolic link is not followed). */
    public static UnixStat of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,size,lastModifiedTime,rdev", LinkOption.NOFOLLOW_LINKS);
        return new UnixStat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                (FileTime) a.get("lastModifiedTime"), (Long) a.get("rdev"));
    }

    /** The file type bits ({@code S_IFMT} of the mode): {@code 0040000} a directory, {@code 0120000} a link … */
    public int type() {
        return mode & TYPE_MASK;
    }

    /** Linux's {@code major(rdev)}. */
    public int devMajor() {
        return (int) ((rdev >> 8) & 0xfff);
    }

    /** Linux's {@code minor(rdev)}. */
    public int devMinor() {
        return (int) ((rdev & 0xff) | ((rdev >> 12) & 0xfff00));
    }
}
