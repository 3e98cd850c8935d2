package dev.jcompose.engine.ipam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What an address allocation and a release cost, state file included (not a test; run by hand):
 * {@code java -cp runtime/target/classes:runtime/target/test-classes:DEPS dev.jcompose.engine.ipam.IpamBench [containers] [rounds] [dir]}.
 * Each round allocates {@code containers} addresses on one /16 network, then releases them; the
 * first round is warm-up. Prints the median and p99 per allocation and per release, and the wall
 * and CPU time of the measured rounds. {@code dir} (default: a temp dir under /var/tmp) should be on
 * the file system of the engine's state root.
 */
public final class IpamBench {
    private IpamBench() {
    }

    public static void main(String[] args) throws Exception {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Path dir = args.length > 2 ? Files.createTempDirectory(Path.of(args[2]), "ipam-bench") : Files.createTempDirectory(Path.of("/var/tmp"), "ipam-bench");
        try {
            Ipam ipam = new Ipam(dir, HostRoutes.NONE);
            ipam.createNetwork("bench", "id", List.of(new PoolConfig("10.250.0.0/16", null, null, java.util.Map.of())));
            long[] alloc = new long[containers * (rounds - 1)];
            long[] release = new long[containers * (rounds - 1)];
            long wall = 0;
            long cpu = 0;
            for (int r = 0; r < rounds; r++) {
                long w0 = System.nanoTime();
                long c0 = cpuNanos();
                for (int i = 0; i < containers; i++) {
                    long t0 = System.nanoTime();
                    ipam.allocate("bench", "bench/c/" + i, null, null);
                    if (r > 0) {
                        alloc[(r - 1) * containers + i] = System.nanoTime() - t0;
                    }
                }
                for (int i = 0; i < containers; i++) {
                    long t0 = System.nanoTime();
                    ipam.release("bench", "bench/c/" + i);
                    if (r > 0) {
                        release[(r - 1) * containers + i] = System.nanoTime() - t0;
                    }
                }
                if (r > 0) {
                    wall += System.nanoTime() - w0;
                    cpu += cpuNanos() - c0;
                }
            }
            System.out.printf("allocate: median %.1f us, p99 %.1f us; release: median %.1f us, p99 %.1f us; %d ops in %.0f ms wall, %.0f ms CPU%n",
                    pct(alloc, 0.5), pct(alloc, 0.99), pct(release, 0.5), pct(release, 0.99), alloc.length * 2, wall / 1e6, cpu / 1e6);
            ipam.removeNetwork("bench");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double pct(long[] values, double p) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[(int) (s.length * p)] / 1000.0;
    }
}
