package dev.jcompose.engine.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Docker's {@code ContainerPathStat}, sent base64-encoded in the {@code X-Docker-Container-Path-Stat}
 * header of the archive endpoints. {@code mode} is a Go {@code os.FileMode}: permission bits plus
 * type bits high in the word (directory {@code 1<<31}, symlink {@code 1<<27} …).
 */
public record PathStat(@JsonProperty("name") String name, @JsonProperty("size") long size, @JsonProperty("mode") long mode,
                       @JsonProperty("mtime") String mtime, @JsonProperty("linkTarget") String linkTarget) {
    public static final String HEADER = "X-Docker-Container-Path-Stat";
    public static final long MODE_DIR = 1L << 31;
    public static final long MODE_SYMLINK = 1L << 27;
    public static final long MODE_DEVICE = 1L << 26;
    public static final long MODE_NAMED_PIPE = 1L << 25;
    public static final long MODE_SOCKET = 1L << 24;
    public static final long MODE_SETUID = 1L << 23;
    public static final long MODE_SETGID = 1L << 22;
    public static final long MODE_CHAR_DEVICE = 1L << 21;
    public static final long MODE_STICKY = 1L << 20;

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDir() {
        return (mode & MODE_DIR) != 0;
    }

    /** The stat of {@code path} (not following a last link), named {@code name}, with {@code linkTarget} for a link. */
    public static PathStat of(ScopedPath path, String name) throws IOException {
        Path host = path.host();
        UnixStat st = UnixStat.of(host);
        String linkTarget = "";
        if (Files.isSymbolicLink(host)) {
            linkTarget = ScopedPath.resolve(path.root(), path.container(), true).container();
        }
        return new PathStat(name, st.size(), goMode(st.mode()), st.lastModified().toInstant().toString(), linkTarget);
    }

    /** A Unix {@code st_mode} as Go's {@code os.FileMode}. */
    public static long goMode(int unixMode) {
        long m = unixMode & 0777;
        switch (unixMode & 0170000) {
            case 0040000 -> m |= MODE_DIR;
            case 0120000 -> m |= MODE_SYMLINK;
            case 0020000 -> m |= MODE_DEVICE | MODE_CHAR_DEVICE;
            case 0060000 -> m |= MODE_DEVICE;
            case 0010000 -> m |= MODE_NAMED_PIPE;
            case 0140000 -> m |= MODE_SOCKET;
            default -> {
            }
        }
        if ((unixMode & 04000) != 0) {
            m |= MODE_SETUID;
        }
        if ((unixMode & 02000) != 0) {
            m |= MODE_SETGID;
        }
        if ((unixMode & 01000) != 0) {
            m |= MODE_STICKY;
        }
        return m;
    }

    public String header(ObjectMapper json) throws IOException {
        return Base64.getEncoder().encodeToString(json.writeValueAsBytes(this));
    }

    public static PathStat fromHeader(String value, ObjectMapper json) throws IOException {
        return json.readValue(Base64.getDecoder().decode(value), PathStat.class);
    }
}
