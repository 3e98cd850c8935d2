package dev.jcompose.engine.network;

import dev.jcompose.engine.ipam.Assignment;
import dev.jcompose.engine.net.netlink.NetnsRef;
import dev.jcompose.engine.net.netlink.NetnsSockets;
import dev.jcompose.engine.net.netlink.RtNetlink;
import dev.jcompose.engine.net.testutil.TestNetns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        long[] netnsSocket = new long[rounds];
        long[] vethOnly = new long[rounds];
        long[] spawned = new long[rounds];
        long[] spawnCpuWall = new long[2];
        Path shim = Path.of("runtime/target/jcompose-shim").toAbsolutePath();
        long cpu0 = cpuNanos();
        long wall0 = System.nanoTime();
        long wall = 0;
        long cpu = 0;
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
            wall = System.nanoTime() - wall0;
            cpu = cpuNanos() - cpu0;
            // the parts of an attach: a netlink socket opened inside the netns (thread + setns), and the
            // pair alone (one request on the host socket, peer into the netns, no configuration inside)
            try (RtNetlink nl = RtNetlink.open()) {
                int master = nl.index(BridgeDriver.bridgeName(n));
                for (int i = 0; i < rounds + 5; i++) {
                    long t0 = System.nanoTime();
                    NetnsSockets.openInPid(ns.pid()).close();
                    long t1 = System.nanoTime();
                    nl.createVethOnBridge("vnb" + tag + "x", 1500, master, "ethx", NetnsRef.pid(ns.pid()), Optional.empty());
                    long t2 = System.nanoTime();
                    nl.deleteLink("vnb" + tag + "x");
                    if (i >= 5) {
                        netnsSocket[i - 5] = t1 - t0;
                        vethOnly[i - 5] = t2 - t1;
                    }
                }
                // the attach alone, in process, as the spawn loop below does it (a fixed address): CPU comparable
                long[] inProcessCpuWall = new long[2];
                long inCpu0 = cpuNanos();
                long inWall0 = System.nanoTime();
                Assignment fixed = new Assignment("10.213.40.200", 24, "10.213.40.1", null, 0, null);
                for (int i = 0; i < rounds + 5; i++) {
                    driver.attach(ns.pid(), n, new BridgeDriver.Attachment("vnb" + tag + "s", "eth0", fixed, List.of(), null, true));
                    nl.deleteLink("vnb" + tag + "s");
                }
                inProcessCpuWall[0] = cpuNanos() - inCpu0;
                inProcessCpuWall[1] = System.nanoTime() - inWall0;
                System.out.printf("in process, attach + delete only, %d rounds (+5): wall %.0f ms, CPU (user+sys) %.0f ms%n", rounds,
                        inProcessCpuWall[1] / 1e6, inProcessCpuWall[0] / 1e6);
                // the path before (side by side): the same attach by spawning jcompose-shim net attach
                long spawnCpu0 = cpuNanos();
                long spawnWall0 = System.nanoTime();
                for (int i = 0; Files.isExecutable(shim) && i < rounds + 5; i++) {
                    long t0 = System.nanoTime();
                    Process p = new ProcessBuilder(shim.toString(), "net", "attach", Integer.toString(ns.pid()), BridgeDriver.bridgeName(n),
                            "vnb" + tag + "s", "10.213.40.200/24", "10.213.40.1", "1500", "eth0").redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes()).strip();
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("jcompose-shim net attach: " + out);
                    }
                    long t1 = System.nanoTime();
                    nl.deleteLink("vnb" + tag + "s");
                    if (i >= 5) {
                        spawned[i - 5] = t1 - t0;
                    }
                }
                spawnCpuWall[0] = cpuNanos() - spawnCpu0;
                spawnCpuWall[1] = System.nanoTime() - spawnWall0;
            }
        } finally {
            driver.deleteBridge(n);
            store.remove(n.name(), List.of());
        }
        System.out.printf("network setup per container, %d rounds (median / min, ms): address %s, bridge check %s, attach %s, total %s%n",
                rounds, fmt(alloc), fmt(bridge), fmt(attach), fmt(total));
        System.out.printf("parts of an attach (median / min, ms): netlink socket inside the netns %s, veth pair on the bridge %s%n",
                fmt(netnsSocket), fmt(vethOnly));
        if (spawned[0] > 0) {
            System.out.printf("before, side by side: the same attach by spawning jcompose-shim net attach (median / min, ms) %s;"
                    + " its %d rounds (+5) incl. teardown: wall %.0f ms, CPU (user+sys, children incl.) %.0f ms%n",
                    fmt(spawned), rounds, spawnCpuWall[1] / 1e6, spawnCpuWall[0] / 1e6);
        }
        System.out.printf("the %d rounds (+5 warm-up) incl. teardown: wall %.0f ms, CPU (user+sys, children incl.) %.0f ms; loadavg %s%n", rounds, wall / 1e6,
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
