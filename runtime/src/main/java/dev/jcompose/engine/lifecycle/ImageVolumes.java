package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.HostConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Docker's {@code Config.Volumes} (the image's {@code VOLUME}s, and {@code docker run -v /path}'s anonymous ones): every
 * such path that no bind, mount or tmpfs of the container covers gets an anonymous volume of its own, made at the first
 * start, filled with the image's content there, listed in {@code Mounts} and removed by {@code rm -v}.
 */
final class ImageVolumes {
    private ImageVolumes() {
    }

    /** The {@code Config.Volumes} paths of {@code r} that none of its own mounts covers, cleaned, in path order. */
    static List<String> uncovered(ContainerRecord r) {
        if (r.config() == null || r.config().volumes() == null || r.config().volumes().isEmpty()) {
            return List.of();
        }
        Set<String> covered = new HashSet<>();
        HostConfig h = r.hostConfig();
        for (String bind : h.binds() == null ? List.<String>of() : h.binds()) {
            String[] parts = bind.split(":", 3);
            if (parts.length >= 2) {
                covered.add(clean(parts[1]));
            }
        }
        for (HostConfig.Mount m : h.mounts() == null ? List.<HostConfig.Mount>of() : h.mounts()) {
            covered.add(clean(m.target()));
        }
        if (h.tmpfs() != null) {
            h.tmpfs().keySet().forEach(t -> covered.add(clean(t)));
        }
        Set<String> out = new TreeSet<>();
        for (String path : r.config().volumes().keySet()) {
            String p = clean(path);
            if (!covered.contains(p) && !p.equals("/")) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    /** The anonymous volume recorded at {@code path} in {@code recorded}, or "" (a new one). */
    static String recordedName(String path, List<ContainerRecord.MountPoint> recorded) {
        return recorded == null ? "" : recorded.stream().filter(p -> "volume".equals(p.type()) && path.equals(p.destination()))
                .map(ContainerRecord.MountPoint::name).findFirst().orElse("");
    }

    static String clean(String path) {
        return Path.of("/").resolve(path).normalize().toString();
    }
}
