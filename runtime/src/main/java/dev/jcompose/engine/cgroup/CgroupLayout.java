package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How cgroups are laid out on this host: which v1 hierarchies are mounted where, and whether a
 * cgroup2 (unified) hierarchy is mounted and with which controllers.
 *
 * @param mode                  {@link Mode#UNIFIED}, {@link Mode#LEGACY} or {@link Mode#HYBRID}
 * @param v1                    the mounted v1 hierarchies, one per distinct controller set
 * @param unified               the cgroup2 hierarchy, when mounted
 * @param kernelControllers     the controllers the kernel has enabled ({@code /proc/cgroups})
 * @param kernelSupportsCgroup2 whether {@code /proc/filesystems} lists cgroup2
 */
public record CgroupLayout(Mode mode, List<V1Hierarchy> v1, Optional<UnifiedHierarchy> unified,
                           Set<String> kernelControllers, boolean kernelSupportsCgroup2) {

    /** The three layouts a host can have. */
    public enum Mode {
        /** Only cgroup2, holding every controller (most current distributions). */
        UNIFIED,
        /** Only v1 hierarchies. */
        LEGACY,
        /** v1 hierarchies for the controllers, plus a cgroup2 mount holding few or none of them. */
        HYBRID
    }

    /**
     * One mounted v1 hierarchy.
     *
     * @param controllers the controllers bound to it ({@code cpu}, {@code cpuacct}), or a name
     *                    ({@code name=systemd}) for a named hierarchy without controllers
     * @param mountPoint  where it is mounted
     * @param root        the cgroup shown at the mount point
     */
    public record V1Hierarchy(Set<String> controllers, Path mountPoint, String root) {
        public V1Hierarchy {
            controllers = Set.copyOf(new LinkedHashSet<>(controllers));
            Objects.requireNonNull(mountPoint, "mountPoint");
            Objects.requireNonNull(root, "root");
        }

        /** Whether this hierarchy only names a group and holds no resource controller. */
        public boolean isNamedOnly() {
            return controllers.stream().allMatch(c -> c.startsWith("name="));
        }
    }

    /**
     * The mounted cgroup2 hierarchy.
     *
     * @param mountPoint  where it is mounted ({@code /sys/fs/cgroup}, or {@code /sys/fs/cgroup/unified} on hybrid hosts)
     * @param root        the cgroup shown at the mount point
     * @param controllers the controllers available at its root ({@code cgroup.controllers})
     */
    public record UnifiedHierarchy(Path mountPoint, String root, Set<String> controllers) {
        public UnifiedHierarchy {
            Objects.requireNonNull(mountPoint, "mountPoint");
            Objects.requireNonNull(root, "root");
            controllers = Set.copyOf(controllers);
        }
    }

    public CgroupLayout {
        Objects.requireNonNull(mode, "mode");
        v1 = List.copyOf(v1);
        Objects.requireNonNull(unified, "unified");
        kernelControllers = Set.copyOf(kernelControllers);
        if (mode != Mode.LEGACY && unified.isEmpty()) {
            throw new IllegalArgumentException(mode + " layout needs a cgroup2 mount");
        }
        if (mode != Mode.UNIFIED && v1.isEmpty()) {
            throw new IllegalArgumentException(mode + " layout needs v1 hierarchies");
        }
    }

    /** The v1 hierarchy a controller is bound to, if any. */
    public Optional<V1Hierarchy> v1For(String controller) {
        return v1.stream().filter(h -> h.controllers().contains(controller)).findFirst();
    }

    /** Whether a controller is usable through the cgroup2 hierarchy (and not bound to a v1 one). */
    public boolean onUnified(String controller) {
        return unified.map(u -> u.controllers().contains(controller)).orElse(false) && v1For(controller).isEmpty();
    }

    /** One line for logs and {@code info}: {@code hybrid (v1: cpu cpuacct ...; cgroup2 at /sys/fs/cgroup/unified: hugetlb)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(mode.name().toLowerCase());
        sb.append(" (");
        if (!v1.isEmpty()) {
            sb.append("v1:");
            v1.forEach(h -> h.controllers().stream().sorted().forEach(c -> sb.append(' ').append(c)));
        }
        unified.ifPresent(u -> {
            if (!v1.isEmpty()) {
                sb.append("; ");
            }
            sb.append("cgroup2 at ").append(u.mountPoint()).append(':');
            u.controllers().stream().sorted().forEach(c -> sb.append(' ').append(c));
        });
        return sb.append(')').toString();
    }
}
