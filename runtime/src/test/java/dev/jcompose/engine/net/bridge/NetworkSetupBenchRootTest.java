package dev.jcompose.engine.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.net.firewall.NftFirewall;
import dev.jcompose.engine.net.netlink.RtNetlink;
import dev.jcompose.engine.net.testutil.TestNetns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Median of 20: creating a bridge network and attaching a container, ours against the same steps
 * done with ip(8) commands (a benchmark; the only assertions are that every round worked).
 */
@Tag("root")
class NetworkSetupBenchRootTest {
    private static final int ROUNDS = 20;
    private final String tag = Long.toHexString(System.nanoTime() & 0xfffff);

    private static double median(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return (s.get(s.size() / 2) + s.get((s.size() - 1) / 2)) / 2.0 / 1e6;
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + ": " + out.strip());
        }
    }

    @Test
    void createAndAttachTimes() throws Exception {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: creates bridges and veths");
        Assumptions.assumeTrue(Files.isExecutable(BridgeNetworksRootTest.shim()), "needs the shim built");
        Assumptions.assumeTrue(BridgeNetworksRootTest.nftTableAbsent(), "an inet jcompose table exists already");
        BridgeSpec net = BridgeSpec.of("dd" + tag + "000000000", Map.of(),
                List.of(new BridgeSpec.Subnet("10.97.34.0/24", "10.97.34.1")), false);
        String ipBridge = "jcbip" + tag;
        NftFirewall fw = new NftFirewall();
        List<Long> create = new ArrayList<>();
        List<Long> createIp = new ArrayList<>();
        List<Long> createNl = new ArrayList<>();
        List<Long> attach = new ArrayList<>();
        List<Long> attachIp = new ArrayList<>();
        try (RtNetlink nl = RtNetlink.open(); TestNetns ns = TestNetns.start()) {
            BridgeNetworks nets = new BridgeNetworks(nl, fw, new Netconf(BridgeNetworksRootTest.shim()), Path.of("/proc/sys"));
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    long t0 = System.nanoTime();
                    nets.create(net);
                    create.add(System.nanoTime() - t0);
                    nets.remove(net);

                    t0 = System.nanoTime();
                    nl.createBridge(ipBridge, 0, Optional.empty());
                    nl.addAddress(ipBridge, java.net.InetAddress.getByName("10.97.35.1"), 24);
                    nl.setUp(ipBridge, true);
                    createNl.add(System.nanoTime() - t0);
                    nl.deleteLink(ipBridge);

                    t0 = System.nanoTime();
                    ip("link", "add", "name", ipBridge, "type", "bridge");
                    ip("addr", "add", "10.97.35.1/24", "dev", ipBridge);
                    ip("link", "set", ipBridge, "up");
                    createIp.add(System.nanoTime() - t0);
                    ip("link", "del", ipBridge);
                }
                nets.create(net);
                ip("link", "add", "name", ipBridge, "type", "bridge");
                ip("link", "set", ipBridge, "up");
                for (int i = 0; i < ROUNDS; i++) {
                    long t0 = System.nanoTime();
                    Endpoint e = nets.attach(net, ns.pid(), "bench" + i, List.of("10.97.34.2/24"), Optional.empty(), 0);
                    attach.add(System.nanoTime() - t0);
                    nets.detach(e);

                    String v = "vjcb" + tag;
                    String nsPath = ns.nsPath();
                    t0 = System.nanoTime();
                    ip("link", "add", v, "type", "veth", "peer", "name", "jcpb" + tag, "netns", String.valueOf(ns.pid()));
                    ip("link", "set", v, "master", ipBridge);
                    ip("link", "set", v, "up");
                    ns.exec("ip", "link", "set", "jcpb" + tag, "name", "eth1");
                    ns.exec("ip", "addr", "add", "10.97.35.2/24", "dev", "eth1");
                    ns.exec("ip", "link", "set", "eth1", "up");
                    ns.exec("ip", "route", "add", "default", "via", "10.97.35.1");
                    attachIp.add(System.nanoTime() - t0);
                    ip("link", "del", v);
                    assertTrue(nsPath.startsWith("/proc/"));
                }
            } finally {
                nets.remove(net);
                fw.clear();
                if (Files.exists(Path.of("/sys/class/net", ipBridge))) {
                    ip("link", "del", ipBridge);
                }
            }
        }
        assertEquals(ROUNDS, attach.size());
        assertFalse(Files.exists(Path.of("/sys/class/net", net.bridge())));
        String report = String.format(
                "network setup, median of %d (ms): create bridge network (netlink + nft rules) %.2f, of which bridge +"
                        + " address + up over netlink %.2f | the same with ip x3 %.2f;"
                        + " attach container (netlink + shim netconf) %.2f | ip x3 + nsenter ip x4 %.2f%n",
                ROUNDS, median(create), median(createNl), median(createIp), median(attach), median(attachIp));
        System.out.print(report);
        Files.writeString(Path.of("target/net-bench.txt"), report, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
