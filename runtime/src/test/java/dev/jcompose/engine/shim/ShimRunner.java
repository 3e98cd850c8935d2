package dev.jcompose.engine.shim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Root-test fixture: a busybox container spec in a test directory, started through the real shim and waited for. */
final class ShimRunner {
    private final Path shim;
    private final Path rootfs;
    private final Path dir;

    ShimRunner(Path dir) throws IOException {
        this.dir = dir;
        this.shim = ShimBinary.locate(dir.resolve("state"));
        this.rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
    }

    /** {@code sh -c script} as {@code uid}, with Docker's default capabilities, mounts, masked paths, a new netns. */
    ShimSpec spec(String script, int uid) {
        return spec(script, uid, new Settings(null, List.of(), List.of(), null, null), "log.json");
    }

    /** The settings the kernel applies inside: domainname, supplementary groups, sysctls, oom_score_adj, a netns to join. */
    record Settings(String domainname, List<Integer> groups, List<String> sysctls, Integer oomScoreAdj, Path netns) {
    }

    /** A spec with its own log file name (the exit file is named after it), for several containers in one test. */
    ShimSpec spec(String script, int uid, Settings settings, String logName) {
        List<ShimSpec.Mount> mounts = new ArrayList<>(DockerDefaults.mounts(0));
        return new ShimSpec(rootfs, null, false, "shimtest", settings.domainname(), List.of("sh", "-c", script), List.of("PATH=/bin"),
                "/", uid, uid, settings.groups(), DockerDefaults.capabilities(List.of(), List.of(), false), false, mounts, List.of(),
                DockerDefaults.MASKED_PATHS, DockerDefaults.READONLY_PATHS, settings.sysctls(), settings.netns(),
                settings.netns() == null, settings.oomScoreAdj(), dir.resolve(logName), dir.resolve(logName.replace("log", "exit")));
    }

    /** Starts with a spec file of its own (several containers at once). */
    ShimProcess start(ShimSpec spec, String name) throws IOException {
        Path file = dir.resolve(name + ".spec");
        ShimSpecWriter.write(spec, file);
        ShimProcess p = ShimProcess.start(shim, file, dir.resolve(name + ".err"));
        p.go();
        return p;
    }

    ShimProcess start(ShimSpec spec) throws IOException {
        Path file = dir.resolve("spec");
        ShimSpecWriter.write(spec, file);
        ShimProcess p = ShimProcess.start(shim, file, dir.resolve("shim.err"));
        p.go();
        return p;
    }

    ExitStatus run(ShimSpec spec) throws Exception {
        ShimProcess p = start(spec);
        return await(p, spec);
    }

    ExitStatus await(ShimProcess p, ShimSpec spec) throws Exception {
        p.monitor().onExit().get(20, TimeUnit.SECONDS);
        return ExitStatus.read(spec.exitFile()).orElseThrow();
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("log.json"));
    }

    /** Waits until the log contains {@code text} (the container printed it). */
    void awaitLog(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(dir.resolve("log.json")) && log().contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the container never logged " + text + ": " + (Files.exists(dir.resolve("log.json")) ? log() : ""));
            }
            Thread.sleep(20);
        }
    }
}
