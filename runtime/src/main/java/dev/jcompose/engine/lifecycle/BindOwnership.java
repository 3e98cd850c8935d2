package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.shim.UserNamespace;
import dev.jcompose.engine.volume.VolumeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The {@code :U} bind option, as podman has it: before the container starts, the source of the bind
 * (a host path or a named volume's data) and everything under it is chowned to the container's user
 * and group, so a non-root process in the container owns what it works on.
 */
final class BindOwnership {
    private BindOwnership() {
    }

    static void apply(List<String> binds, UserResolver.Identity user, Function<String, VolumeSource> volumes) throws IOException {
        apply(binds, user, volumes, null);
    }

    /** @param ids the container's user namespace (null: the host's): the owner is the host id the user maps to */
    static void apply(List<String> binds, UserResolver.Identity user, Function<String, VolumeSource> volumes, UserNamespace ids)
            throws IOException {
        int uid = ids == null ? user.uid() : (int) ids.hostUid(user.uid());
        int gid = ids == null ? user.gid() : (int) ids.hostGid(user.gid());
        for (String bind : binds == null ? List.<String>of() : binds) {
            String[] parts = bind.split(":");
            if (parts.length < 3 || !List.of(parts[2].split(",")).contains("U")) {
                continue;
            }
            Path source = Path.of(parts[0].startsWith("/") ? parts[0] : volumes.apply(parts[0]).source());
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(source);
            }
            try (Stream<Path> all = Files.walk(source)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                }
            } catch (IOException e) {
                throw new IOException("changing the owner of " + source + " to " + uid + ":" + gid + " for the :U bind "
                        + bind + ": " + e.getMessage(), e);
            }
        }
    }
}
