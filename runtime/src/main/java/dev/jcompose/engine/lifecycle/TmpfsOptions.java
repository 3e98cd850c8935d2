package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.shim.ShimSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code --tmpfs PATH:OPTIONS} entry (HostConfig.Tmpfs) as a mount, as Docker makes it: nosuid,
 * nodev and noexec by default ({@code exec}, {@code suid}, {@code dev} lift them), mount flags such
 * as {@code ro} taken out of the options, and the rest ({@code size=64m}, {@code mode=1777},
 * {@code uid=…}) passed to tmpfs as its data.
 */
final class TmpfsOptions {
    private static final Map<String, String> LIFTS = Map.of("exec", "noexec", "suid", "nosuid", "dev", "nodev");
    private static final Set<String> FLAGS = Set.of("ro", "rw", "nosuid", "nodev", "noexec", "relatime", "strictatime",
            "private", "rprivate", "shared", "rshared", "slave", "rslave");

    private TmpfsOptions() {
    }

    static ShimSpec.Mount mount(String path, String options) {
        Set<String> flags = new LinkedHashSet<>(List.of("nosuid", "nodev", "noexec"));
        List<String> data = new ArrayList<>();
        for (String o : options == null ? new String[0] : options.split(",")) {
            String opt = o.strip();
            if (opt.isEmpty()) {
                continue;
            }
            if (LIFTS.containsKey(opt)) {
                flags.remove(LIFTS.get(opt));
            } else if (FLAGS.contains(opt)) {
                flags.add(opt);
            } else {
                data.add(opt);
            }
        }
        return new ShimSpec.Mount("tmpfs", "tmpfs", path, List.copyOf(flags), data.isEmpty() ? null : String.join(",", data));
    }
}
