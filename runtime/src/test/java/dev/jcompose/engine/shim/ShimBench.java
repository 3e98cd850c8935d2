package dev.jcompose.engine.shim;

import dev.jcompose.engine.seccomp.BpfProgram;
import dev.jcompose.engine.seccomp.DockerSeccompProfile;
import dev.jcompose.engine.seccomp.SeccompCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hand-run benchmark (as root): {@code jcompose-shim run}, {@code runc run} and {@code crun run} of {@code /bin/true}
 * side by side on the same container — one {@link ShimSpec} over a busybox rootfs, written for the shim by
 * {@link ShimSpecWriter} and as the bundle's {@code config.json} by {@link OciConfigWriter} — without and then with
 * Docker's seccomp profile, then with both and a user namespace. Rounds are interleaved (shim, runc, crun, shim, …) so load from elsewhere falls on all
 * three alike. Each run is timed from start until the runtime (and so the container) has exited; CPU time is the
 * user+sys of the reaped runtime processes and their children (clock ticks from {@code /proc/self/stat}).
 *
 * <p>crun 1.8 refuses a v1 host whose cgroup2 hierarchy holds controllers ("hybrid"); {@code bench/scripts/shim.sh}
 * runs this class in a private mount namespace with {@code /sys/fs/cgroup/unified} unmounted, so all three see a
 * plain v1 host. Run: {@code bench/scripts/shim.sh [RUNS]}, or directly
 * {@code java -cp runtime/target/classes:runtime/target/test-classes dev.jcompose.engine.shim.ShimBench runtime/target/jcompose-shim 50}.
 */
public final class ShimBench {
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private ShimBench() {
    }

    /** One runtime under test: how to run the prepared container once, to its end. */
    private record Runtime(String name, Run run, List<Long> wall, long[] cpuTicks) {
        Runtime(String name, Run run) {
            this(name, run, new ArrayList<>(), new long[1]);
        }
    }

    @FunctionalInterface
    private interface Run {
        void once(int i) throws Exception;
    }

    public static void main(String[] argv) throws Exception {
        Path shim = Path.of(argv.length > 0 ? argv[0] : "runtime/target/jcompose-shim").toAbsolutePath();
        int runs = argv.length > 1 ? Integer.parseInt(argv[1]) : 50;
        Path dir = Files.createTempDirectory("shimbench");
        try {
            System.out.printf("load average at start: %s%n", loadAverage());
            Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
            ShimSpec spec = new ShimSpec(rootfs, null, false, "bench", null, List.of("/bin/true"), List.of("PATH=/bin"), "/", 0, 0,
                    List.of(), DockerDefaults.capabilities(List.of(), List.of(), false), false, DockerDefaults.mounts(0), List.of(),
                    DockerDefaults.MASKED_PATHS, DockerDefaults.READONLY_PATHS, List.of(), null, true, null,
                    dir.resolve("log.json"), dir.resolve("exit.json"));
            compare(shim, dir, spec, runs, "no seccomp");
            List<Long> compileTimes = new ArrayList<>();
            BpfProgram filter = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                filter = SeccompCompiler.compile(DockerSeccompProfile.profile(), DockerDefaults.capabilityNames(spec.capabilities()));
                compileTimes.add(System.nanoTime() - t0);
            }
            System.out.printf("compiling Docker's seccomp profile (%d BPF instructions): median %.2f ms%n",
                    filter.instructions().size(), median(compileTimes));
            compare(shim, dir, spec.withSeccomp(filter), runs, "Docker's seccomp profile");
            // in a user namespace (dockerd's --userns-remap): the remapped root must reach and own its plain-directory rootfs
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            Path remapped = BusyboxRootfs.chown(BusyboxRootfs.create(dir.resolve("rootfs-userns")), 231072, 231072);
            compare(shim, dir, new ShimSpec(remapped, null, false, "bench", null, List.of("/bin/true"), List.of("PATH=/bin"), "/", 0, 0,
                    List.of(), spec.capabilities(), false, spec.mounts(), List.of(), spec.maskedPaths(), spec.readonlyPaths(), List.of(),
                    null, true, null, spec.logFile(), spec.exitFile()).withSeccomp(filter).withUserns(UserNamespace.of(231072, 231072, 65536)),
                    runs, "Docker's seccomp profile, user namespace");
            System.out.printf("load average at end: %s%n", loadAverage());
        } finally {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
        }
    }

    private static void compare(Path shim, Path dir, ShimSpec spec, int runs, String what) throws Exception {
        Path specFile = dir.resolve("spec");
        ShimSpecWriter.write(spec, specFile);
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        OciConfigWriter.write(spec, bundle);
        List<Runtime> runtimes = new ArrayList<>();
        runtimes.add(new Runtime("jcompose-shim run", i -> {
            ShimProcess p = ShimProcess.start(shim, specFile, dir.resolve("shim.err"));
            p.go();
            p.monitor().onExit().get(10, TimeUnit.SECONDS);
        }));
        String tag = "jcbench" + ProcessHandle.current().pid() + "-" + (spec.seccomp() == null ? "n" : "s") + "-";
        for (String oci : List.of("runc", "crun")) {
            String skip = ociSkipReason(oci);
            if (skip != null) {
                System.out.printf("%s skipped: %s%n", oci, skip);
                continue;
            }
            runtimes.add(new Runtime(oci + " run", i -> exec(List.of(oci, "run", "--bundle", bundle.toString(), tag + oci + i))));
        }
        for (int i = 0; i < runs; i++) {
            for (Runtime r : runtimes) {
                long ticks0 = childTicks();
                long t0 = System.nanoTime();
                r.run().once(i);
                r.wall().add(System.nanoTime() - t0);
                r.cpuTicks()[0] += childTicks() - ticks0;
            }
        }
        System.out.printf("/bin/true, %s, %d runs each, interleaved:%n", what, runs);
        for (Runtime r : runtimes) {
            System.out.printf("  %-18s median %6.1f ms  p10 %6.1f  p90 %6.1f  cpu (user+sys) %5.1f ms/run%n", r.name(),
                    median(r.wall()), percentile(r.wall(), 10), percentile(r.wall(), 90),
                    r.cpuTicks()[0] * (double) TICK_NANOS / 1e6 / runs);
        }
    }

    /** Why an OCI runtime cannot run here, or null. */
    private static String ociSkipReason(String name) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin", name)) && !Files.isExecutable(Path.of("/usr/bin", name))) {
            return "not installed (Debian package " + name + ")";
        }
        Path controllers = Path.of("/sys/fs/cgroup/unified/cgroup.controllers");
        if (name.equals("crun") && Files.exists(controllers) && !Files.readString(controllers).isBlank()) {
            return "crun 1.8 refuses a hybrid cgroup layout (cgroup2 at /sys/fs/cgroup/unified holds "
                    + Files.readString(controllers).strip() + "); run through bench/scripts/shim.sh";
        }
        return null;
    }

    private static void exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + rc);
        }
    }

    /** cutime + cstime of this process: the CPU of every child it has reaped (and their reaped children). */
    private static long childTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]); // fields 16 and 17 of proc(5), counted from 3
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static double median(List<Long> nanos) {
        return percentile(nanos, 50);
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
