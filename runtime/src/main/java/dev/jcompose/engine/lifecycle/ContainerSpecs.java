package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.seccomp.BpfProgram;
import dev.jcompose.engine.seccomp.DockerSeccompProfile;
import dev.jcompose.engine.seccomp.SeccompCompiler;
import dev.jcompose.engine.shim.ContainerStdio;
import dev.jcompose.engine.shim.DockerDefaults;
import dev.jcompose.engine.shim.LogRotation;
import dev.jcompose.engine.shim.ShimSpec;
import dev.jcompose.engine.volume.VolumeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A container record (Docker's Config and HostConfig) as the shim's spec: process, user, Docker's
 * security defaults, mounts in Docker's order (standard mounts, /etc files, binds, volumes, tmpfs),
 * rlimits, sysctls, the network namespace its network mode asks for, Docker's default seccomp
 * profile for its capabilities (none when privileged or {@code seccomp=unconfined}), {@code init},
 * json-file rotation from the log options, and the stdio its Tty and OpenStdin ask for.
 */
public final class ContainerSpecs {
    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Map<String, Integer> RLIMITS = Map.ofEntries(Map.entry("cpu", 0), Map.entry("fsize", 1),
            Map.entry("data", 2), Map.entry("stack", 3), Map.entry("core", 4), Map.entry("rss", 5), Map.entry("nproc", 6),
            Map.entry("nofile", 7), Map.entry("memlock", 8), Map.entry("as", 9), Map.entry("locks", 10),
            Map.entry("sigpending", 11), Map.entry("msgqueue", 12), Map.entry("nice", 13), Map.entry("rtprio", 14),
            Map.entry("rttime", 15));

    private ContainerSpecs() {
    }

    /**
     * @param volumes what a named volume mounts (created on first use)
     * @param netnsOfContainer the netns path of another container, for {@code container:<name>}
     * @param containers another container's record by name or ID, for {@code VolumesFrom}
     */
    public static ShimSpec build(ContainerRecord r, UserResolver.Identity user, String overlay, Path containerDir,
                                 Function<String, VolumeSource> volumes, Function<String, Path> netnsOfContainer,
                                 Function<String, ContainerRecord> containers) {
        HostConfig h = r.hostConfig();
        List<String> args = new ArrayList<>();
        args.add(r.path());
        args.addAll(r.args());
        List<String> env = new ArrayList<>(r.config().env());
        if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add(0, DEFAULT_PATH);
        }
        if (env.stream().noneMatch(e -> e.startsWith("HOSTNAME="))) {
            env.add("HOSTNAME=" + r.config().hostname());
        }
        if (env.stream().noneMatch(e -> e.startsWith("HOME="))) {
            env.add("HOME=" + user.home());
        }
        boolean privileged = Boolean.TRUE.equals(h.privileged());
        long caps = DockerDefaults.capabilities(list(h.capAdd()), list(h.capDrop()), privileged);
        boolean noNewPrivs = list(h.securityOpt()).stream().anyMatch(o -> o.equals("no-new-privileges") || o.equals("no-new-privileges:true")
                || o.equals("no-new-privileges=true"));
        List<ShimSpec.Mount> mounts = new ArrayList<>(DockerDefaults.mounts(h.shmSize() == null ? 0 : h.shmSize()));
        for (String f : List.of("hostname", "hosts", "resolv.conf")) {
            mounts.add(new ShimSpec.Mount("bind", containerDir.resolve(f).toString(), "/etc/" + f, List.of("rbind", "rprivate"), null));
        }
        for (String bind : list(h.binds())) {
            mounts.add(bindMount(bind, volumes));
        }
        if (h.mounts() != null) {
            for (HostConfig.Mount m : h.mounts()) {
                mounts.add(mount(m, r.mounts(), volumes));
            }
        }
        mounts.addAll(imageVolumes(r, volumes));
        mounts.addAll(VolumesFrom.mounts(h.volumesFrom(), containers, volumes));
        if (h.tmpfs() != null) {
            h.tmpfs().forEach((path, opts) -> mounts.add(TmpfsOptions.mount(path, opts)));
        }
        List<ShimSpec.Rlimit> rlimits = new ArrayList<>();
        for (HostConfig.Ulimit u : list(h.ulimits())) {
            Integer res = RLIMITS.get(u.name());
            if (res == null) {
                throw new IllegalArgumentException("invalid ulimit type: " + u.name());
            }
            rlimits.add(new ShimSpec.Rlimit(res, u.soft(), u.hard()));
        }
        List<String> sysctls = new ArrayList<>();
        if (h.sysctls() != null) {
            h.sysctls().forEach((k, v) -> sysctls.add(k + "=" + v));
        }
        String mode = h.effectiveNetworkMode();
        Path netns = mode.startsWith("container:") ? netnsOfContainer.apply(mode.substring("container:".length())) : null;
        boolean newNetns = !mode.equals("host") && netns == null;
        String workDir = r.config().workingDir() == null || r.config().workingDir().isEmpty() ? "/" : r.config().workingDir();
        ShimSpec spec = new ShimSpec(containerDir.resolve("rootfs"), overlay, Boolean.TRUE.equals(h.readonlyRootfs()), r.config().hostname(),
                r.config().domainname(), args, env, workDir, user.uid(), user.gid(), user.additionalGids(), caps, noNewPrivs, mounts,
                rlimits, privileged ? List.of() : DockerDefaults.MASKED_PATHS, privileged ? List.of() : DockerDefaults.READONLY_PATHS,
                sysctls, netns, newNetns, h.oomScoreAdj(), Path.of(r.logPath()), containerDir.resolve("exit.json"));
        return spec.withSeccomp(seccomp(list(h.securityOpt()), privileged, caps)).withInit(Boolean.TRUE.equals(h.init()))
                .withLogRotation(logRotation(h.logConfig()))
                .withStdio(stdio(r, containerDir));
    }

    private static ContainerStdio stdio(ContainerRecord r, Path containerDir) {
        ContainerStdio io = ContainerStdio.of(r.config().ttyEnabled(), r.config().stdinOpen(), containerDir);
        int[] size = r.hostConfig().initialConsoleSize();
        return size == null ? io : io.withConsoleSize(size[0], size[1]);
    }

    /** Docker's default profile unless privileged or {@code seccomp=unconfined} ({@code seccomp:…} too, the old separator). */
    static BpfProgram seccomp(List<String> securityOpt, boolean privileged, long caps) {
        String profile = null;
        for (String o : securityOpt) {
            if (o.startsWith("seccomp=") || o.startsWith("seccomp:")) {
                profile = o.substring("seccomp=".length());
            }
        }
        if (privileged || "unconfined".equals(profile)) {
            return null;
        }
        if (profile != null && !profile.equals("builtin")) {
            throw new IllegalArgumentException("security_opt seccomp: only \"unconfined\" and the default profile are supported, "
                    + "not a custom profile");
        }
        return SeccompCompiler.compile(DockerSeccompProfile.profile(), DockerDefaults.capabilityNames(caps));
    }

    static LogRotation logRotation(HostConfig.LogConfig config) {
        if (config == null || (config.type() != null && !config.type().isEmpty() && !config.type().equals("json-file"))) {
            return LogRotation.NONE;
        }
        return LogRotation.fromOptions(config.config());
    }

    /** {@code source:target[:options]}: a host path (absolute) or a named volume. */
    static ShimSpec.Mount bindMount(String bind, Function<String, VolumeSource> volumes) {
        String[] parts = bind.split(":");
        if (parts.length < 2) {
            throw new IllegalArgumentException("invalid volume specification: '" + bind + "'");
        }
        VolumeSource src = parts[0].startsWith("/") ? new VolumeSource("bind", parts[0], List.of("rbind"), null) : volumes.apply(parts[0]);
        List<String> flags = new ArrayList<>(src.flags());
        if (parts.length > 2) {
            for (String o : parts[2].split(",")) {
                if (o.equals("ro")) {
                    flags.add("ro");
                } else if (o.matches("r?(shared|slave|private)")) {
                    flags.add(o);
                }
            }
        }
        return new ShimSpec.Mount(src.type(), src.source(), parts[1], flags, src.data());
    }

    /** The anonymous volumes of {@code r}'s {@code Config.Volumes} paths that no mount covers, as its recorded {@code Mounts} name them. */
    static List<ShimSpec.Mount> imageVolumes(ContainerRecord r, Function<String, VolumeSource> volumes) {
        List<ShimSpec.Mount> out = new ArrayList<>();
        for (String path : ImageVolumes.uncovered(r)) {
            String name = ImageVolumes.recordedName(path, r.mounts());
            if (name.isEmpty()) {
                continue; // a volumes_from donor never started has made none yet (a starting container's are recorded first)
            }
            VolumeSource src = volumes.apply(name);
            out.add(new ShimSpec.Mount(src.type(), src.source(), path, src.flags(), src.data()));
        }
        return out;
    }

    /** @param recorded the container's {@code Mounts}, where its anonymous volumes are found by destination */
    static ShimSpec.Mount mount(HostConfig.Mount m, List<ContainerRecord.MountPoint> recorded, Function<String, VolumeSource> volumes) {
        boolean ro = Boolean.TRUE.equals(m.readOnly());
        switch (m.type() == null ? "volume" : m.type()) {
            case "bind" -> {
                List<String> flags = new ArrayList<>(List.of("rbind"));
                if (ro) {
                    flags.add("ro");
                }
                String prop = m.bindOptions() == null ? null : m.bindOptions().propagation();
                if (prop != null && !prop.isEmpty()) {
                    flags.add(prop);
                }
                return new ShimSpec.Mount("bind", m.source(), m.target(), flags, null);
            }
            case "tmpfs" -> {
                StringBuilder data = new StringBuilder();
                HostConfig.TmpfsOptions options = m.tmpfsOptions();
                if (options != null && options.sizeBytes() != null && options.sizeBytes() > 0) {
                    data.append("size=").append(options.sizeBytes());
                }
                if (options != null && options.mode() != null && options.mode() != 0) {
                    data.append(data.length() > 0 ? "," : "").append("mode=").append(Integer.toOctalString(options.mode()));
                }
                return new ShimSpec.Mount("tmpfs", "tmpfs", m.target(), ro ? List.of("nosuid", "nodev", "ro") : List.of("nosuid", "nodev"),
                        data.length() == 0 ? null : data.toString());
            }
            default -> {
                VolumeSource src = volumes.apply(ContainerMounts.volumeName(m, recorded));
                List<String> flags = new ArrayList<>(src.flags());
                if (ro) {
                    flags.add("ro");
                }
                return new ShimSpec.Mount(src.type(), src.source(), m.target(), flags, src.data());
            }
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
