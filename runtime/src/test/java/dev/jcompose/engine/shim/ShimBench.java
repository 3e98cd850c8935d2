package dev.jcompose.engine.shim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hand-run benchmark (as root): median wall time of {@code jcompose-shim run} of {@code /bin/true}
 * in a busybox rootfs (spec written once, each run until the monitor exits), next to
 * {@code runc run} of a bundle over the same rootfs when runc is installed; also with Docker's seccomp profile.
 * Run: {@code java -cp runtime/target/classes:runtime/target/test-classes dev.jcompose.engine.shim.ShimBench runtime/target/jcompose-shim 50}
 */
public final class ShimBench {
    private ShimBench() {
    }

    public static void main(String[] argv) throws Exception {
        Path shim = Path.of(argv.length > 0 ? argv[0] : "runtime/target/jcompose-shim").toAbsolutePath();
        int runs = argv.length > 1 ? Integer.parseInt(argv[1]) : 50;
        Path dir = Files.createTempDirectory("shimbench");
        try {
            Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
            ShimSpec spec = new ShimSpec(rootfs, null, false, "bench", null, List.of("/bin/true"), List.of("PATH=/bin"), "/", 0, 0,
                    List.of(), DockerDefaults.capabilities(List.of(), List.of(), false), false, DockerDefaults.mounts(0), List.of(),
                    DockerDefaults.MASKED_PATHS, DockerDefaults.READONLY_PATHS, List.of(), null, true, null,
                    dir.resolve("log.json"), dir.resolve("exit.json"));
            Path file = dir.resolve("spec");
            ShimSpecWriter.write(spec, file);
            List<Long> shimTimes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                ShimProcess p = ShimProcess.start(shim, file, dir.resolve("shim.err"));
                p.go();
                p.monitor().onExit().get(10, TimeUnit.SECONDS);
                shimTimes.add(System.nanoTime() - t0);
            }
            System.out.printf("jcompose-shim run /bin/true: median %.1f ms over %d runs%n", median(shimTimes), runs);
            List<Long> compileTimes = new ArrayList<>();
            dev.jcompose.engine.seccomp.BpfProgram filter = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                filter = dev.jcompose.engine.seccomp.SeccompCompiler.compile(dev.jcompose.engine.seccomp.DockerSeccompProfile.profile(),
                        DockerDefaults.capabilityNames(spec.capabilities()));
                compileTimes.add(System.nanoTime() - t0);
            }
            ShimSpecWriter.write(spec.withSeccomp(filter), file);
            List<Long> seccompTimes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                ShimProcess p = ShimProcess.start(shim, file, dir.resolve("shim.err"));
                p.go();
                p.monitor().onExit().get(10, TimeUnit.SECONDS);
                seccompTimes.add(System.nanoTime() - t0);
            }
            System.out.printf("  with Docker's seccomp profile (%d BPF instructions): median %.1f ms; compiling it: median %.2f ms%n",
                    filter.instructions().size(), median(seccompTimes), median(compileTimes));
            if (Files.isExecutable(Path.of("/usr/sbin/runc"))) {
                System.out.printf("runc run /bin/true:          median %.1f ms over %d runs%n", runcMedian(dir, runs), runs);
            }
        } finally {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
        }
    }

    private static double runcMedian(Path dir, int runs) throws Exception {
        Path bundle = dir.resolve("bundle");
        Files.createDirectories(bundle);
        exec(List.of("runc", "spec", "--bundle", bundle.toString()));
        Path config = bundle.resolve("config.json");
        String json = Files.readString(config).replace("\"terminal\": true", "\"terminal\": false")
                .replace("\"sh\"", "\"/bin/true\"").replace("\"path\": \"rootfs\"", "\"path\": \"" + dir.resolve("rootfs") + "\"");
        Files.writeString(config, json);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            exec(List.of("runc", "run", "--bundle", bundle.toString(), "bench" + ProcessHandle.current().pid() + "-" + i));
            times.add(System.nanoTime() - t0);
        }
        return median(times);
    }

    private static void exec(List<String> cmd) throws Exception {
        int rc = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + rc);
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
