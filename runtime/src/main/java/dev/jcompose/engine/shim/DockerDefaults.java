package dev.jcompose.engine.shim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Docker's defaults for a container: its capability set (and names for cap_add/cap_drop), the
 * standard mounts (/proc, a tmpfs /dev with /dev/pts, /dev/shm, /dev/mqueue, read-only /sys), and
 * the masked and read-only /proc and /sys paths.
 */
public final class DockerDefaults {
    public static final Map<String, Integer> CAPABILITIES = Map.ofEntries(
            Map.entry("CHOWN", 0), Map.entry("DAC_OVERRIDE", 1), Map.entry("DAC_READ_SEARCH", 2), Map.entry("FOWNER", 3),
            Map.entry("FSETID", 4), Map.entry("KILL", 5), Map.entry("SETGID", 6), Map.entry("SETUID", 7), Map.entry("SETPCAP", 8),
            Map.entry("LINUX_IMMUTABLE", 9), Map.entry("NET_BIND_SERVICE", 10), Map.entry("NET_BROADCAST", 11),
            Map.entry("NET_ADMIN", 12), Map.entry("NET_RAW", 13), Map.entry("IPC_LOCK", 14), Map.entry("IPC_OWNER", 15),
            Map.entry("SYS_MODULE", 16), Map.entry("SYS_RAWIO", 17), Map.entry("SYS_CHROOT", 18), Map.entry("SYS_PTRACE", 19),
            Map.entry("SYS_PACCT", 20), Map.entry("SYS_ADMIN", 21), Map.entry("SYS_BOOT", 22), Map.entry("SYS_NICE", 23),
            Map.entry("SYS_RESOURCE", 24), Map.entry("SYS_TIME", 25), Map.entry("SYS_TTY_CONFIG", 26), Map.entry("MKNOD", 27),
            Map.entry("LEASE", 28), Map.entry("AUDIT_WRITE", 29), Map.entry("AUDIT_CONTROL", 30), Map.entry("SETFCAP", 31),
            Map.entry("MAC_OVERRIDE", 32), Map.entry("MAC_ADMIN", 33), Map.entry("SYSLOG", 34), Map.entry("WAKE_ALARM", 35),
            Map.entry("BLOCK_SUSPEND", 36), Map.entry("AUDIT_READ", 37), Map.entry("PERFMON", 38), Map.entry("BPF", 39),
            Map.entry("CHECKPOINT_RESTORE", 40));

    private static final List<String> DEFAULT_CAPS = List.of("CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW",
            "SETGID", "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE");

    public static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
            "/sys/devices/virtual/powercap");

    public static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private DockerDefaults() {
    }

    /** Docker's default set, then cap_add, then cap_drop ({@code ALL} allowed in both); {@code privileged} gives every capability. */
    public static long capabilities(List<String> add, List<String> drop, boolean privileged) {
        if (privileged) {
            return (1L << 41) - 1;
        }
        long mask = 0;
        for (String c : DEFAULT_CAPS) {
            mask |= 1L << CAPABILITIES.get(c);
        }
        for (String c : add) {
            mask = c.equalsIgnoreCase("ALL") ? (1L << 41) - 1 : mask | 1L << number(c);
        }
        for (String c : drop) {
            mask = c.equalsIgnoreCase("ALL") ? 0 : mask & ~(1L << number(c));
        }
        return mask;
    }

    /** The names ({@code CAP_SYS_ADMIN} …) of the capabilities in a mask. */
    public static java.util.Set<String> capabilityNames(long mask) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        CAPABILITIES.forEach((name, bit) -> {
            if ((mask & 1L << bit) != 0) {
                names.add("CAP_" + name);
            }
        });
        return names;
    }

    private static int number(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        n = n.startsWith("CAP_") ? n.substring(4) : n;
        Integer v = CAPABILITIES.get(n);
        if (v == null) {
            throw new IllegalArgumentException("unknown capability: \"" + name + "\"");
        }
        return v;
    }

    /** The standard mounts, in order, with /dev/shm of {@code shmSize} bytes (64 MiB when 0). */
    public static List<ShimSpec.Mount> mounts(long shmSize) {
        List<ShimSpec.Mount> m = new ArrayList<>();
        m.add(new ShimSpec.Mount("proc", "proc", "/proc", List.of("nosuid", "noexec", "nodev"), null));
        m.add(new ShimSpec.Mount("tmpfs", "tmpfs", "/dev", List.of("nosuid", "strictatime"), "mode=755,size=65536k"));
        m.add(new ShimSpec.Mount("devpts", "devpts", "/dev/pts", List.of("nosuid", "noexec"), "newinstance,ptmxmode=0666,mode=0620,gid=5"));
        m.add(new ShimSpec.Mount("sysfs", "sysfs", "/sys", List.of("nosuid", "noexec", "nodev", "ro"), null));
        m.add(new ShimSpec.Mount("mqueue", "mqueue", "/dev/mqueue", List.of("nosuid", "noexec", "nodev"), null));
        m.add(new ShimSpec.Mount("tmpfs", "shm", "/dev/shm", List.of("nosuid", "noexec", "nodev"),
                "mode=1777,size=" + (shmSize > 0 ? shmSize : 64L << 20)));
        return m;
    }
}
