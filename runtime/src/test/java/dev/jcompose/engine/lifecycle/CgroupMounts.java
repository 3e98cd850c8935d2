package dev.jcompose.engine.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** For root tests: the host's cgroup mounts (v1 controllers, named v1 hierarchies, cgroup2) and a container's files in them. */
final class CgroupMounts {
    private CgroupMounts() {
    }

    /** Every mounted cgroup or cgroup2 hierarchy. */
    static List<Path> roots() throws IOException {
        List<Path> roots = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] halves = line.split(" - ", 2);
            String fsType = halves.length == 2 ? halves[1].split(" ")[0] : "";
            if (fsType.equals("cgroup") || fsType.equals("cgroup2")) {
                roots.add(Path.of(halves[0].split(" ")[4]));
            }
        }
        return roots;
    }

    /** The {@code jcompose/<id>} directories of {@code ids} still under any cgroup mount. */
    static List<Path> containerDirs(List<String> ids) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : roots()) {
            for (String id : ids) {
                Path d = root.resolve("jcompose").resolve(id);
                if (Files.isDirectory(d)) {
                    found.add(d);
                }
            }
        }
        return found;
    }

    /** The content of {@code file} in container {@code id}'s cgroup, from whichever hierarchy has it. */
    static Optional<String> read(String id, String file) throws IOException {
        for (Path d : containerDirs(List.of(id))) {
            if (Files.isRegularFile(d.resolve(file))) {
                return Optional.of(Files.readString(d.resolve(file)).strip());
            }
        }
        return Optional.empty();
    }
}
