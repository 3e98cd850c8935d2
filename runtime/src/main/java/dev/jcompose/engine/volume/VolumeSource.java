package dev.jcompose.engine.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a container mounts for a volume: the data directory bound in ({@code bind}, {@code <mountpoint>}),
 * or, for a local volume with {@code type}/{@code device}/{@code o} options, that mount made in the
 * container's mount namespace at start, as Docker's local driver makes it: {@code o} is split into
 * mount flags (ro, nosuid, nodev, noexec, bind, rbind …) and filesystem data (size=…, mode=…, uid=…);
 * {@code type: none} with {@code o: bind} binds {@code device}.
 */
public record VolumeSource(String type, String source, List<String> flags, String data) {
    private static final Set<String> FLAGS = Set.of("ro", "rw", "nosuid", "nodev", "noexec", "bind", "rbind", "relatime",
            "strictatime", "private", "rprivate", "shared", "rshared", "slave", "rslave");

    public VolumeSource {
        flags = List.copyOf(flags);
    }

    /** The mount for {@code v}; throws a 400 for options Docker's local driver would refuse as well. */
    public static VolumeSource of(VolumeRecord v) {
        if (!v.needsMount()) {
            return new VolumeSource("bind", v.mountpoint(), List.of("rbind"), null);
        }
        Map<String, String> o = v.options();
        String type = o.getOrDefault("type", "");
        String device = o.get("device");
        List<String> flags = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (String opt : o.getOrDefault("o", "").split(",")) {
            if (opt.isBlank()) {
                continue;
            }
            (FLAGS.contains(opt) ? flags : data).add(opt);
        }
        if (o.containsKey("size")) {
            data.add("size=" + o.get("size"));
        }
        boolean bind = flags.contains("bind") || flags.contains("rbind");
        if (bind) {
            if (device == null || device.isEmpty() || !device.startsWith("/")) {
                throw new VolumeException(400, "volume " + v.name() + ": o=bind needs an absolute host path as device, got \"" + device + "\"");
            }
            return new VolumeSource("bind", device, flags, null);
        }
        if (type.isEmpty() || type.equals("none")) {
            throw new VolumeException(400, "volume " + v.name() + ": type " + (type.isEmpty() ? "is missing" : "none needs o=bind")
                    + " (local driver options type, device, o)");
        }
        String source = type.equals("tmpfs") ? "tmpfs" : device;
        if (source == null || source.isEmpty()) {
            throw new VolumeException(400, "volume " + v.name() + ": type " + type + " needs a device");
        }
        return new VolumeSource(type, source, flags, data.isEmpty() ? null : String.join(",", data));
    }

    /** Whether the content is the engine's own data directory (copy-up applies), not a device or tmpfs. */
    public boolean isDataDirectory() {
        return type.equals("bind") && flags.equals(List.of("rbind"));
    }
}
