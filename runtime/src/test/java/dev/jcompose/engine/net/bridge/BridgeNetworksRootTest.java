package dev.jcompose.engine.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.net.firewall.NftFirewall;
import dev.jcompose.engine.net.netlink.RtNetlink;
import dev.jcompose.engine.net.testutil.TestNetns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two bridges (one internal), three test netns; TCP by busybox nc inside the netns only. */
@Tag("root")
class BridgeNetworksRootTest {
    private final String tag = Long.toHexString(System.nanoTime() & 0xfffff);

    static Path shim() {
        String p = System.getProperty("jcompose.shim", "target/jcompose-shim");
        return Path.of(p).toAbsolutePath();
    }

    static boolean nftTableAbsent() throws Exception {
        Process p = new ProcessBuilder("nft", "list", "table", "inet", "jcompose").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() != 0;
    }

    /** Serves "hello-PORT" once on the port inside the netns. */
    static Process listen(TestNetns ns, int port) throws Exception {
        Process p = ns.spawn("sh", "-c", "echo hello-" + port + " | busybox nc -l -p " + port);
        Thread.sleep(200);
        return p;
    }

    static String connect(TestNetns ns, String ip, int port) throws Exception {
        Process p = ns.spawn("busybox", "nc", "-w", "2", ip, String.valueOf(port));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(5, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void attachReachIsolateInternalAndCleanUp() throws Exception {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: creates bridges, veths and nft rules");
        Assumptions.assumeTrue(Files.isExecutable(shim()), "needs the shim built at " + shim());
        Assumptions.assumeTrue(nftTableAbsent(), "an inet jcompose table exists already (engine running?)");
        BridgeSpec a = BridgeSpec.of("aa" + tag + "000000000", Map.of(BridgeSpec.OPT_MTU, "1450"),
                List.of(new BridgeSpec.Subnet("10.97.31.0/24", "10.97.31.1"),
                        new BridgeSpec.Subnet("fd97:31::/64", "fd97:31::1")), false);
        BridgeSpec b = BridgeSpec.of("bb" + tag + "000000000", Map.of(),
                List.of(new BridgeSpec.Subnet("10.97.32.0/24", "10.97.32.1")), true);
        NftFirewall fw = new NftFirewall();
        List<Endpoint> endpoints = new java.util.ArrayList<>();
        List<Integer> pids = new java.util.ArrayList<>();
        try (RtNetlink nl = RtNetlink.open(); TestNetns n1 = TestNetns.start(); TestNetns n2 = TestNetns.start();
                TestNetns n3 = TestNetns.start()) {
            pids.addAll(List.of(n1.pid(), n2.pid(), n3.pid()));
            BridgeNetworks nets = new BridgeNetworks(nl, fw, new Netconf(shim()), Path.of("/proc/sys"));
            try {
                nets.create(a);
                nets.create(a); // idempotent
                nets.create(b);
                assertEquals("1", Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip());
                assertEquals(1450, nl.link(a.bridge()).orElseThrow().mtu());
                Process ip6 = new ProcessBuilder("ip", "-6", "addr", "show", "dev", a.bridge()).redirectErrorStream(true).start();
                String gw6 = new String(ip6.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                ip6.waitFor();
                assertTrue(gw6.lines().anyMatch(l -> l.contains("inet6 fd97:31::1/64") && !l.contains("tentative")),
                        "IPv6 gateway usable at once: " + gw6);

                Endpoint e1 = nets.attach(a, n1.pid(), "c1" + tag, List.of("10.97.31.2/24", "fd97:31::2/64"),
                        Optional.of("02:42:0a:61:1f:02"), 0);
                endpoints.add(e1);
                Endpoint e2 = nets.attach(a, n2.pid(), "c2" + tag, List.of("10.97.31.3/24", "fd97:31::3/64"), Optional.empty(), 0);
                endpoints.add(e2);
                endpoints.add(nets.attach(b, n3.pid(), "c3" + tag, List.of("10.97.32.2/24"), Optional.empty(), 0));
                assertEquals(List.of(e1.hostVeth(), e2.hostVeth()).stream().sorted().toList(),
                        nets.ports(a).stream().sorted().toList());

                String addr = n1.exec("ip", "-o", "addr", "show", "eth0");
                assertTrue(addr.contains("inet 10.97.31.2/24") && addr.contains("inet6 fd97:31::2/64"), addr);
                String route6 = n1.exec("ip", "-6", "route", "show", "default");
                assertTrue(route6.contains("via fd97:31::1 dev eth0"), route6);
                String link = n1.exec("ip", "-o", "link", "show", "eth0");
                assertTrue(link.contains("mtu 1450") && link.contains("02:42:0a:61:1f:02"), link);
                String route = Files.readString(Path.of("/proc/" + n1.pid() + "/net/route"));
                assertTrue(route.lines().anyMatch(l -> l.startsWith("eth0\t00000000\t011F610A")), route);
                String internalRoute = Files.readString(Path.of("/proc/" + n3.pid() + "/net/route"));
                assertFalse(internalRoute.lines().anyMatch(l -> l.split("\t")[1].equals("00000000")),
                        "internal network has no default route: " + internalRoute);

                Process l2 = listen(n2, 7001);
                assertEquals("hello-7001", connect(n1, "10.97.31.3", 7001), "same network reaches");
                TestNetns.kill(l2);
                l2 = listen(n2, 7004);
                assertEquals("hello-7004", connect(n1, "fd97:31::3", 7004), "same network reaches over IPv6");
                TestNetns.kill(l2);

                Process l1 = listen(n1, 7002);
                assertTrue(connect(n3, "10.97.31.2", 7002).contains("Network is unreachable"), "no route out");
                n3.exec("ip", "route", "add", "10.97.31.0/24", "via", "10.97.32.1");
                assertFalse(connect(n3, "10.97.31.2", 7002).contains("hello"), "internal network has no way out");
                TestNetns.kill(l1);

                Process l3 = listen(n3, 7003);
                n1.exec("ip", "route", "add", "10.97.32.0/24", "via", "10.97.31.1");
                assertFalse(connect(n1, "10.97.32.2", 7003).contains("hello"), "different bridges are isolated");
                TestNetns.kill(l3);

                Endpoint again = nets.attach(a, n2.pid(), "c2" + tag, List.of("10.97.31.3/24"), Optional.empty(), 0);
                assertEquals(e2.hostVeth(), again.hostVeth(), "re-attaching after a crash replaces the old pair");
                assertTrue(n2.exec("ip", "-o", "addr", "show", "eth0").contains("inet 10.97.31.3/24"));
                nets.detach(e2);
                assertFalse(Files.exists(Path.of("/sys/class/net", e2.hostVeth())));
                assertThrows(IOException.class, () -> n2.exec("ip", "link", "show", "eth0"));
                nets.detach(e2);
            } finally {
                for (Endpoint e : endpoints) {
                    nets.detach(e);
                }
                nets.remove(a);
                nets.remove(b);
                fw.clear();
            }
            assertFalse(Files.exists(Path.of("/sys/class/net", a.bridge())));
            assertFalse(Files.exists(Path.of("/sys/class/net", b.bridge())));
            assertTrue(nftTableAbsent());
            for (Endpoint e : endpoints) {
                assertFalse(Files.exists(Path.of("/sys/class/net", e.hostVeth())), e.hostVeth() + " left behind");
            }
        }
        for (int pid : pids) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "netns process " + pid + " left");
        }
        try (var names = Files.list(Path.of("/sys/class/net"))) {
            assertFalse(names.anyMatch(p -> p.getFileName().toString().startsWith("jcp")), "no veth peer left");
        }
    }
}
