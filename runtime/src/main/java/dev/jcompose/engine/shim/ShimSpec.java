package dev.jcompose.engine.shim;

import java.nio.file.Path;
import java.util.List;

/**
 * What the shim needs to create one container (close to an OCI runtime config): the rootfs (a
 * directory, or an overlay the shim mounts there), the process (args, env, cwd, user, groups,
 * capability mask, no_new_privs, rlimits), the mounts in order, masked and read-only paths, sysctls,
 * the network namespace to join or whether to make a new one, and where the log and exit status go.
 */
public record ShimSpec(Path root, String rootfsOverlay, boolean readonlyRoot, String hostname, String domainname,
                       List<String> args, List<String> env, String cwd, int uid, int gid, List<Integer> additionalGids,
                       long capabilities, boolean noNewPrivileges, List<Mount> mounts, List<Rlimit> rlimits,
                       List<String> maskedPaths, List<String> readonlyPaths, List<String> sysctls, Path netns,
                       boolean newNetns, Integer oomScoreAdj, Path logFile, Path exitFile) {

    /** One mount: type, source, destination inside the container, flags (bind, rbind, ro, nosuid, nodev, noexec, propagation …), fs data. */
    public record Mount(String type, String source, String destination, List<String> flags, String data) {
        public Mount {
            flags = List.copyOf(flags);
        }
    }

    /** An rlimit by its Linux resource number (RLIMIT_NOFILE = 7 …). */
    public record Rlimit(int resource, long soft, long hard) {
    }

    public ShimSpec {
        args = List.copyOf(args);
        env = List.copyOf(env);
        additionalGids = List.copyOf(additionalGids);
        mounts = List.copyOf(mounts);
        rlimits = List.copyOf(rlimits);
        maskedPaths = List.copyOf(maskedPaths);
        readonlyPaths = List.copyOf(readonlyPaths);
        sysctls = List.copyOf(sysctls);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a container needs a command");
        }
    }
}
