package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.shim.ShimSpec;
import dev.jcompose.engine.volume.VolumeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code VolumesFrom} ({@code NAME[:ro|:rw]}): the binds and volume mounts of another container, at
 * the same paths; {@code ro} makes them read-only, {@code rw} writable, neither keeps each one's mode
 * (Docker's rules; tmpfs mounts are not shared).
 */
final class VolumesFrom {
    private VolumesFrom() {
    }

    static List<ShimSpec.Mount> mounts(List<String> from, Function<String, ContainerRecord> containers, Function<String, VolumeSource> volumes) {
        List<ShimSpec.Mount> out = new ArrayList<>();
        for (String entry : from == null ? List.<String>of() : from) {
            int colon = entry.lastIndexOf(':');
            String mode = colon > 0 ? entry.substring(colon + 1) : "";
            boolean hasMode = mode.equals("ro") || mode.equals("rw");
            if (colon > 0 && !hasMode) {
                throw new IllegalArgumentException("invalid mode for volumes-from: " + entry + " (expected ro or rw)");
            }
            ContainerRecord other = containers.apply(hasMode ? entry.substring(0, colon) : entry);
            HostConfig h = other.hostConfig();
            List<ShimSpec.Mount> shared = new ArrayList<>();
            for (String bind : h.binds() == null ? List.<String>of() : h.binds()) {
                shared.add(ContainerSpecs.bindMount(bind, volumes));
            }
            for (HostConfig.Mount m : h.mounts() == null ? List.<HostConfig.Mount>of() : h.mounts()) {
                if (!"tmpfs".equals(m.type())) {
                    shared.add(ContainerSpecs.mount(m, other.mounts(), volumes));
                }
            }
            shared.addAll(ContainerSpecs.imageVolumes(other, volumes));
            for (ShimSpec.Mount m : shared) {
                out.add(hasMode ? withMode(m, mode.equals("ro")) : m);
            }
        }
        return out;
    }

    private static ShimSpec.Mount withMode(ShimSpec.Mount m, boolean readOnly) {
        List<String> flags = new ArrayList<>(m.flags());
        flags.remove("ro");
        if (readOnly) {
            flags.add("ro");
        }
        return new ShimSpec.Mount(m.type(), m.source(), m.destination(), flags, m.data());
    }
}
