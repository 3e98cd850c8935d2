package dev.jcompose.engine.network;

import dev.jcompose.engine.ipam.Assignment;
import dev.jcompose.engine.net.testutil.TestNetns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hand-run benchmark (as root; not a test): where the engine's per-container network setup goes,
 * step by step, with the same {@link NetworkStore} and {@link BridgeDriver} the engine uses, a
 * process in its own netns standing in for the container: the address from the IPAM (persisted),
 * the bridge check, and the attach (veth pair, peer into the netns, address, routes, up). Prints the
 * median and minimum of each step in ms, the process's CPU time (user+sys, children included) and
 * the load average.
 * {@code java -cp runtime/target/classes:runtime/target/test-classes:DEPS dev.jcompose.engine.network.NetworkSetupBench [rounds]}
 * ({@code bench/scripts/netsetup.sh} builds the class path and runs it).
 */
public final class NetworkSetupBench {
    private NetworkSetupBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String tag = Long.toHexString(System.nanoTime() & 0xfffff);
        Path dir = Files.createTempDirectory("netsetup-bench");
        NetworkStore store = new NetworkStore(dir, Clock.systemUTC());
        NetworkRecord n = store.create("netbench" + tag, "bridge", false, false, false,
                List.of(new NetworkRecord.Pool("10.213.40.0/24", null, null, null)), Map.of("com.docker.network.bridge.name", "jcnb" + tag),
                Map.of());
        BridgeDriver driver = new BridgeDriver();
        long[] alloc = new long[rounds];
        long[] bridge = new long[rounds];
        long[] attach = new long[rounds];
        long[] total = new long[rounds];
        long cpu0 = cpuNanos();
        long wall0 = System.nanoTime();
        try (TestNetns ns = TestNetns.start()) {
            driver.ensureBridge(n);
            for (int i = 0; i < rounds + 5; i++) {
                long t0 = System.nanoTime();
                Assignment a = store.allocate(n, "c" + i, null);
                long t1 = System.nanoTime();
                driver.ensureBridge(n);
                long t2 = System.nanoTime();
                String hostIf = "vnb" + tag + (i % 10);
                driver.attach(ns.pid(), n, new BridgeDriver.Attachment(hostIf, "eth0", a, List.of(), null, true));
                long t3 = System.nanoTime();
                if (i >= 5) { // the first rounds warm the JIT up
                    alloc[i - 5] = t1 - t0;
                    bridge[i - 5] = t2 - t1;
                    attach[i - 5] = t3 - t2;
                    total[i - 5] = t3 - t0;
                }
                driver.deleteLink(hostIf);
                store.release(n, "c" + i);
            }
        } finally {
            driver.deleteBridge(n);
            store.remove(n.name(), List.of());
        }
        long wall = System.nanoTime() - wall0;
        long cpu = cpuNanos() - cpu0;
        System.out.printf("network setup per container, %d rounds (median / min, ms): address %s, bridge check %s, attach %s, total %s%n",
                rounds, fmt(alloc), fmt(bridge), fmt(attach), fmt(total));
        System.out.printf("whole run incl. teardown: wall %.0f ms, CPU (user+sys, children incl.) %.0f ms; loadavg %s%n", wall / 1e6,
                cpu / 1e6, Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static String fmt(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("%.2f / %.2f", s[s.length / 2] / 1e6, s[0] / 1e6);
    }

    /** utime+stime+cutime+cstime of this process from /proc/self/stat (clock ticks of 10 ms). */
    private static long cpuNanos() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 10_000_000L;
    }
}
