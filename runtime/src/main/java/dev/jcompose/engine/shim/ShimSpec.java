package dev.jcompose.engine.shim;

import dev.jcompose.engine.seccomp.BpfProgram;
import java.nio.file.Path;
import java.util.List;

/**
 * What the shim needs to create one container (close to an OCI runtime config): the rootfs (a
 * directory, or an overlay the shim mounts there), the process (args, env, cwd, user, groups,
 * capability mask, no_new_privs, rlimits), the mounts in order, masked and read-only paths, sysctls,
 * the network namespace to join or whether to make a new one, where the log and exit status go; the
 * seccomp filter ({@code null}: unconfined), whether the shim stays as PID 1 ({@code init}), and how
 * the json-file log rotates, the container's stdio (a pty, an open stdin), and its user namespace
 * ({@code null}: the host's).
 */
public record ShimSpec(Path root, String rootfsOverlay, boolean readonlyRoot, String hostname, String domainname,
                       List<String> args, List<String> env, String cwd, int uid, int gid, List<Integer> additionalGids,
                       long capabilities, boolean noNewPrivileges, List<Mount> mounts, List<Rlimit> rlimits,
                       List<String> maskedPaths, List<String> readonlyPaths, List<String> sysctls, Path netns,
                       boolean newNetns, Integer oomScoreAdj, Path logFile, Path exitFile, BpfProgram seccomp, boolean init,
                       LogRotation logRotation, ContainerStdio stdio, UserNamespace userns) {

    /** Without seccomp filter, init or log rotation (these are added with the {@code with…} methods). */
    public ShimSpec(Path root, String rootfsOverlay, boolean readonlyRoot, String hostname, String domainname,
                    List<String> args, List<String> env, String cwd, int uid, int gid, List<Integer> additionalGids,
                    long capabilities, boolean noNewPrivileges, List<Mount> mounts, List<Rlimit> rlimits,
                    List<String> maskedPaths, List<String> readonlyPaths, List<String> sysctls, Path netns,
                    boolean newNetns, Integer oomScoreAdj, Path logFile, Path exitFile) {
        this(root, rootfsOverlay, readonlyRoot, hostname, domainname, args, env, cwd, uid, gid, additionalGids, capabilities,
                noNewPrivileges, mounts, rlimits, maskedPaths, readonlyPaths, sysctls, netns, newNetns, oomScoreAdj, logFile,
                exitFile, null, false, LogRotation.NONE, ContainerStdio.NONE, null);
    }

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
        logRotation = logRotation == null ? LogRotation.NONE : logRotation;
        stdio = stdio == null ? ContainerStdio.NONE : stdio;
    }

    public ShimSpec withSeccomp(BpfProgram filter) {
        return new ShimSpec(root, rootfsOverlay, readonlyRoot, hostname, domainname, args, env, cwd, uid, gid, additionalGids,
                capabilities, noNewPrivileges, mounts, rlimits, maskedPaths, readonlyPaths, sysctls, netns, newNetns, oomScoreAdj,
                logFile, exitFile, filter, init, logRotation, stdio, userns);
    }

    public ShimSpec withInit(boolean asInit) {
        return new ShimSpec(root, rootfsOverlay, readonlyRoot, hostname, domainname, args, env, cwd, uid, gid, additionalGids,
                capabilities, noNewPrivileges, mounts, rlimits, maskedPaths, readonlyPaths, sysctls, netns, newNetns, oomScoreAdj,
                logFile, exitFile, seccomp, asInit, logRotation, stdio, userns);
    }

    public ShimSpec withLogRotation(LogRotation rotation) {
        return new ShimSpec(root, rootfsOverlay, readonlyRoot, hostname, domainname, args, env, cwd, uid, gid, additionalGids,
                capabilities, noNewPrivileges, mounts, rlimits, maskedPaths, readonlyPaths, sysctls, netns, newNetns, oomScoreAdj,
                logFile, exitFile, seccomp, init, rotation, stdio, userns);
    }

    /** With a pty for PID 1 and/or an open stdin (see {@link ContainerStdio}). */
    public ShimSpec withStdio(ContainerStdio containerStdio) {
        return new ShimSpec(root, rootfsOverlay, readonlyRoot, hostname, domainname, args, env, cwd, uid, gid, additionalGids,
                capabilities, noNewPrivileges, mounts, rlimits, maskedPaths, readonlyPaths, sysctls, netns, newNetns, oomScoreAdj,
                logFile, exitFile, seccomp, init, logRotation, containerStdio, userns);
    }

    /** In a user namespace of its own with these maps ({@code null}: the host's). */
    public ShimSpec withUserns(UserNamespace namespace) {
        return new ShimSpec(root, rootfsOverlay, readonlyRoot, hostname, domainname, args, env, cwd, uid, gid, additionalGids,
                capabilities, noNewPrivileges, mounts, rlimits, maskedPaths, readonlyPaths, sysctls, netns, newNetns, oomScoreAdj,
                logFile, exitFile, seccomp, init, logRotation, stdio, namespace);
    }
}
