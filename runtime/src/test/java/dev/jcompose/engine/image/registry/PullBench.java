package dev.jcompose.engine.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.image.manifest.Platform;
import dev.jcompose.engine.image.ref.ImageReference;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.image.unpack.FileTrees;
import dev.jcompose.engine.image.unpack.LayerUnpacker;
import dev.jcompose.engine.image.unpack.NativeFs;
import dev.jcompose.engine.image.unpack.UnpackOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pull + unpack of a Debian rootfs image from docker-registry on loopback: jcompose's puller against
 * {@code skopeo copy} + {@code umoci unpack} (and {@code podman pull} when {@code /usr/bin/podman}
 * is installed and {@code PODMAN=1}, and Debian dockerd's {@code docker pull} when docker.io is installed
 * and {@code DOCKER=1}), side by side in one run, alternating (not a test; run by hand
 * as root, or with {@code bench/scripts/pull.sh}):
 * {@code java -cp runtime/target/classes:runtime/target/test-classes:DEPS dev.jcompose.engine.image.registry.PullBench ROOTFS.tar [runs] [workdir]}
 * where ROOTFS.tar is e.g. {@code mmdebstrap --variant=minbase bookworm debian.tar}. Each run starts
 * from an empty store / empty OCI layout; the registry's files are in the page cache for all; dirty
 * pages are written back ({@code sync}) before each timed step and the sync after a step is not timed.
 * Reports wall time and CPU time (user+sys: the JVM's process CPU for jcompose, the children's for
 * the peers via {@code /usr/bin/time}) and the load average, since the machine may be shared.
 */
public final class PullBench {
    private PullBench() {
    }

    /** Wall and CPU seconds of one timed step. */
    private record Timing(double wall, double cpu) {
    }

    public static void main(String[] args) throws Exception {
        Path rootfs = Path.of(args.length > 0 ? args[0] : "/tmp/images-bench/debian.tar").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Path.of(args.length > 2 ? args[2] : "/tmp/images-bench/work").toAbsolutePath();
        boolean podman = "1".equals(System.getenv("PODMAN")) && Files.isExecutable(Path.of("/usr/bin/podman"));
        boolean docker = "1".equals(System.getenv("DOCKER")) && BenchDockerd.installed();
        FileTrees.deleteRecursively(work);
        Files.createDirectories(work);
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim() + ", work dir " + work);
        try (RegistryFixture registry = RegistryFixture.start(work.resolve("registry"));
             BenchDockerd dockerd = docker ? BenchDockerd.start(work.resolve("dockerd")) : null) {
            OciImages images = new OciImages(work.resolve("build"));
            images.sh("umoci new --image oci:deb && umoci unpack --image oci:deb b >/dev/null && tar -C b/rootfs -xf " + rootfs
                    + " && umoci repack --image oci:deb b && rm -rf b && umoci config --image oci:deb --config.cmd bash");
            String ref = registry.host() + "/bench/debian:1";
            images.push("deb", ref);
            JsonNode manifest = new ObjectMapper().readTree(images.remoteManifest(ref));
            long blob = 0;
            for (JsonNode l : manifest.path("layers")) {
                blob += l.path("size").asLong();
            }
            System.out.printf("image: %s, %d layer(s), %.1f MB compressed, rootfs tar %.1f MB%n", ref, manifest.path("layers").size(),
                    blob / 1e6, Files.size(rootfs) / 1e6);
            NativeFs fs = new NativeFs();
            Map<String, List<Timing>> results = new LinkedHashMap<>();
            images.sh("sync");
            for (int i = 0; i < runs; i++) {
                Timing jc = jcompose(fs, work.resolve("store"), ref);
                images.sh("sync");
                add(results, "jcompose pull+unpack", jc);

                Timing peer = timed(images, "skopeo copy --quiet --src-tls-verify=false docker://" + ref
                        + " oci:peer:deb && umoci unpack --image peer:deb bundle >/dev/null");
                images.sh("rm -rf peer bundle && sync");
                add(results, "skopeo copy + umoci unpack", peer);
                String line = String.format("run %d: jcompose %.2f s (cpu %.2f s), skopeo+umoci %.2f s (cpu %.2f s)", i + 1, jc.wall(),
                        jc.cpu(), peer.wall(), peer.cpu());

                if (podman) {
                    String p = "podman --root " + work.resolve("podman/root") + " --runroot " + work.resolve("podman/run")
                            + " --storage-driver overlay --cgroup-manager cgroupfs --events-backend file ";
                    Timing pod = timed(images, p + "pull -q --tls-verify=false " + ref + " >/dev/null");
                    images.sh(p + "rmi -a -f >/dev/null; " + p + "system reset -f >/dev/null 2>&1 || true; rm -rf podman && sync");
                    add(results, "podman pull", pod);
                    line += String.format(", podman pull %.2f s (cpu %.2f s)", pod.wall(), pod.cpu());
                }
                if (dockerd != null) {
                    double cpu0 = dockerd.cpuSeconds();
                    Timing client = timed(images, "docker -H " + dockerd.host() + " pull -q " + ref + " >/dev/null");
                    Timing dk = new Timing(client.wall(), client.cpu() + dockerd.cpuSeconds() - cpu0);
                    images.sh("docker -H " + dockerd.host() + " rmi -f " + ref + " >/dev/null && sync");
                    add(results, "docker pull (dockerd)", dk);
                    line += String.format(", docker pull %.2f s (cpu %.2f s)", dk.wall(), dk.cpu());
                }
                System.out.println(line);
            }
            System.out.printf("medians of %d runs (the first jcompose run includes JIT warm-up):%n", runs);
            results.forEach((name, ts) -> System.out.printf("  %-28s wall %.2f s, cpu %.2f s%n", name,
                    median(ts.stream().map(Timing::wall).toList()), median(ts.stream().map(Timing::cpu).toList())));
            System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            FileTrees.deleteRecursively(work.resolve("store"));
        }
    }

    private static Timing jcompose(NativeFs fs, Path store, String ref) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ImageStore s = ImageStore.open(store, new LayerUnpacker(fs, UnpackOptions.forCurrentUser(fs)));
        ImageRecord r = new ImagePuller(new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE), s)
                .pull(ImageReference.parse(ref), Platform.parse("linux/amd64"), (id, status, current, total) -> { });
        Timing t = new Timing((System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
        if (!s.isComplete(r)) {
            throw new IllegalStateException("incomplete pull");
        }
        FileTrees.deleteRecursively(store);
        return t;
    }

    /** Runs {@code script} under {@code /usr/bin/time}: wall and the children's user+sys seconds. */
    private static Timing timed(OciImages images, String script) throws Exception {
        String out = images.sh("/usr/bin/time -f 'TIME %e %U %S' sh -ec '" + script.replace("'", "'\\''") + "' 2>&1");
        String line = out.lines().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b).orElseThrow(
                () -> new IllegalStateException("no timing in: " + out));
        String[] f = line.split(" ");
        return new Timing(Double.parseDouble(f[1]), Double.parseDouble(f[2]) + Double.parseDouble(f[3]));
    }

    private static void add(Map<String, List<Timing>> results, String name, Timing t) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(t);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
