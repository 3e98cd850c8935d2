package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerRecord.MountPoint;
import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.volume.VolumeRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Docker's inspect {@code Mounts}: one entry per bind, volume and tmpfs mount a container asked for, in Docker's
 * shapes. An anonymous volume (a {@code volume} mount without a source) is created at the container's first start and
 * kept here by its destination for the container's life, so later starts mount the same data, {@code VolumesFrom}
 * shares it and {@code rm -v} finds it. So does each {@code Config.Volumes} path no mount covers ({@link ImageVolumes}).
 */
final class ContainerMounts {
    private ContainerMounts() {
    }

    /** The mount points of {@code r}; {@code volume} gets or creates a volume by name ("" makes an anonymous one). */
    static List<MountPoint> of(ContainerRecord r, Function<String, VolumeRecord> volume) {
        List<MountPoint> out = new ArrayList<>();
        HostConfig h = r.hostConfig();
        for (String bind : h.binds() == null ? List.<String>of() : h.binds()) {
            String[] parts = bind.split(":", 3);
            if (parts.length < 2) {
                continue; // ContainerSpecs refuses it at start
            }
            String mode = parts.length > 2 ? parts[2] : "";
            boolean rw = !Arrays.asList(mode.split(",")).contains("ro");
            if (parts[0].startsWith("/")) {
                out.add(new MountPoint("bind", null, parts[0], parts[1], "", mode, rw, "rprivate"));
            } else {
                VolumeRecord v = volume.apply(parts[0]);
                out.add(new MountPoint("volume", v.name(), v.mountpoint(), parts[1], v.driver(), mode.isEmpty() ? "z" : mode, rw, ""));
            }
        }
        for (HostConfig.Mount m : h.mounts() == null ? List.<HostConfig.Mount>of() : h.mounts()) {
            boolean rw = !Boolean.TRUE.equals(m.readOnly());
            switch (m.type() == null ? "volume" : m.type()) {
                case "bind" -> {
                    String propagation = m.bindOptions() == null ? null : m.bindOptions().propagation();
                    out.add(new MountPoint("bind", null, m.source(), m.target(), "", "", rw,
                            propagation == null || propagation.isEmpty() ? "rprivate" : propagation));
                }
                case "tmpfs" -> out.add(new MountPoint("tmpfs", null, "", m.target(), null, "", rw, ""));
                default -> {
                    VolumeRecord v = volume.apply(volumeName(m, r.mounts()));
                    out.add(new MountPoint("volume", v.name(), v.mountpoint(), m.target(), v.driver(), "z", rw, ""));
                }
            }
        }
        for (String path : ImageVolumes.uncovered(r)) {
            VolumeRecord v = volume.apply(ImageVolumes.recordedName(path, r.mounts()));
            out.add(new MountPoint("volume", v.name(), v.mountpoint(), path, v.driver(), "", true, ""));
        }
        return out;
    }

    /** The volume a {@code volume} mount uses: its source, else the anonymous volume recorded at its target, else "" (a new one). */
    static String volumeName(HostConfig.Mount m, List<MountPoint> recorded) {
        if (m.source() != null && !m.source().isEmpty()) {
            return m.source();
        }
        return recorded.stream().filter(p -> "volume".equals(p.type()) && m.target().equals(p.destination()))
                .map(MountPoint::name).findFirst().orElse("");
    }
}
