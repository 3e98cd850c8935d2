package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * One cgroup or cgroup2 mount from {@code /proc/self/mountinfo}.
 *
 * @param mountPoint   where it is mounted, e.g. {@code /sys/fs/cgroup/memory}
 * @param root         the cgroup shown at the mount point ({@code /} unless in a cgroup namespace
 *                     or a bind mount of a sub-cgroup)
 * @param fsType       {@code cgroup} (v1) or {@code cgroup2}
 * @param superOptions the per-superblock options; for v1 they name the controllers
 *                     ({@code rw,cpu,cpuacct} or {@code rw,name=systemd})
 */
public record CgroupMount(Path mountPoint, String root, String fsType, Set<String> superOptions) {
    public CgroupMount {
        Objects.requireNonNull(mountPoint, "mountPoint");
        Objects.requireNonNull(root, "root");
        if (!fsType.equals("cgroup") && !fsType.equals("cgroup2")) {
            throw new IllegalArgumentException("not a cgroup filesystem type: " + fsType);
        }
        superOptions = Set.copyOf(superOptions);
    }

    public boolean isV2() {
        return fsType.equals("cgroup2");
    }
}
