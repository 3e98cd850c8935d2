package dev.jcompose.engine.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jcompose.engine.net.firewall.NftFirewall;
import dev.jcompose.engine.net.firewall.PortRule;
import dev.jcompose.engine.net.netlink.RtNetlink;
import dev.jcompose.engine.net.ports.PortBinding;
import dev.jcompose.engine.net.ports.PortPublisher;
import dev.jcompose.engine.net.ports.PublishedPort;
import dev.jcompose.engine.net.testutil.TestNetns;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A published port answers on the host's loopback and, through the gateway, to another container. */
@Tag("root")
class PublishedPortRootTest {
    private final String tag = Long.toHexString(System.nanoTime() & 0xfffff);

    @Test
    void publishedPortFromLoopbackAndFromAnotherContainer() throws Exception {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: creates bridges, veths and nft rules");
        Assumptions.assumeTrue(Files.isExecutable(BridgeNetworksRootTest.shim()), "needs the shim built");
        Assumptions.assumeTrue(BridgeNetworksRootTest.nftTableAbsent(), "an inet jcompose table exists already");
        BridgeSpec net = BridgeSpec.of("cc" + tag + "000000000", Map.of(),
                List.of(new BridgeSpec.Subnet("10.97.33.0/24", "10.97.33.1")), false);
        NftFirewall fw = new NftFirewall();
        List<Endpoint> endpoints = new ArrayList<>();
        try (RtNetlink nl = RtNetlink.open(); TestNetns web = TestNetns.start(); TestNetns other = TestNetns.start();
                PortPublisher publisher = new PortPublisher()) {
            BridgeNetworks nets = new BridgeNetworks(nl, fw, new Netconf(BridgeNetworksRootTest.shim()), Path.of("/proc/sys"));
            try {
                nets.create(net);
                endpoints.add(nets.attach(net, web.pid(), "w" + tag, List.of("10.97.33.2/24"), Optional.empty(), 0));
                endpoints.add(nets.attach(net, other.pid(), "o" + tag, List.of("10.97.33.3/24"), Optional.empty(), 0));
                PublishedPort p = publisher.publish("w" + tag, PortBinding.of("tcp", "0.0.0.0", 0, "10.97.33.2", 8080));
                fw.setPorts("w" + tag, List.of(new PortRule("w" + tag, "tcp", Optional.empty(), p.hostPort(),
                        "10.97.33.2", 8080)));

                Process l = BridgeNetworksRootTest.listen(web, 8080);
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.hostPort())) {
                    s.setSoTimeout(5000);
                    s.shutdownOutput();
                    assertEquals("hello-8080",
                            new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
                }
                TestNetns.kill(l);

                l = BridgeNetworksRootTest.listen(web, 8080);
                assertEquals("hello-8080", BridgeNetworksRootTest.connect(other, "10.97.33.1", p.hostPort()),
                        "another container reaches the published port through the gateway");
                TestNetns.kill(l);
            } finally {
                publisher.unpublish("w" + tag);
                for (Endpoint e : endpoints) {
                    nets.detach(e);
                }
                nets.remove(net);
                fw.clear();
            }
        }
        assertFalse(Files.exists(Path.of("/sys/class/net", net.bridge())));
        for (Endpoint e : endpoints) {
            assertFalse(Files.exists(Path.of("/sys/class/net", e.hostVeth())));
        }
    }

    /**
     * External traffic takes the DNAT path: an "outside" netns joined to the host by a plain veth
     * connects to the host's address on that veth; the proxy listens on 127.0.0.1 only, so only the
     * prerouting DNAT rule can carry the connection to the container.
     */
    @Test
    void externalTrafficIsDnatedToTheContainer() throws Exception {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: creates bridges, veths and nft rules");
        Assumptions.assumeTrue(Files.isExecutable(BridgeNetworksRootTest.shim()), "needs the shim built");
        Assumptions.assumeTrue(BridgeNetworksRootTest.nftTableAbsent(), "an inet jcompose table exists already");
        BridgeSpec net = BridgeSpec.of("ee" + tag + "000000000", Map.of(),
                List.of(new BridgeSpec.Subnet("10.97.37.0/24", "10.97.37.1")), false);
        String uplink = "jcxo" + tag;
        NftFirewall fw = new NftFirewall();
        List<Endpoint> endpoints = new ArrayList<>();
        Netconf netconf = new Netconf(BridgeNetworksRootTest.shim());
        try (RtNetlink nl = RtNetlink.open(); TestNetns web = TestNetns.start(); TestNetns outside = TestNetns.start();
                PortPublisher publisher = new PortPublisher()) {
            BridgeNetworks nets = new BridgeNetworks(nl, fw, netconf, Path.of("/proc/sys"));
            try {
                nets.create(net);
                endpoints.add(nets.attach(net, web.pid(), "x" + tag, List.of("10.97.37.2/24"), Optional.empty(), 0));
                nl.createVeth(uplink, "jcxp" + tag, 0, dev.jcompose.engine.net.netlink.NetnsRef.pid(outside.pid()),
                        Optional.empty());
                nl.addAddress(uplink, InetAddress.getByName("10.97.36.1"), 30);
                nl.setUp(uplink, true);
                netconf.apply(outside.pid(), new NetconfSpec("jcxp" + tag, Optional.of("eth0"), Optional.empty(), 0,
                        List.of("10.97.36.2/30"), List.of(), List.of(), false));

                PublishedPort p = publisher.publish("x" + tag, PortBinding.of("tcp", "127.0.0.1", 0, "10.97.37.2", 8080));
                Process l = BridgeNetworksRootTest.listen(web, 8080);
                assertFalse(BridgeNetworksRootTest.connect(outside, "10.97.36.1", p.hostPort()).contains("hello"),
                        "without the DNAT rule the outside cannot reach the port bound on loopback");
                fw.setPorts("x" + tag, List.of(new PortRule("x" + tag, "tcp", Optional.empty(), p.hostPort(),
                        "10.97.37.2", 8080)));
                assertEquals("hello-8080", BridgeNetworksRootTest.connect(outside, "10.97.36.1", p.hostPort()),
                        "DNAT carries external traffic to the container");
                TestNetns.kill(l);
                fw.removePorts("x" + tag);
                l = BridgeNetworksRootTest.listen(web, 8080);
                assertFalse(BridgeNetworksRootTest.connect(outside, "10.97.36.1", p.hostPort()).contains("hello"),
                        "the container's rules are gone");
                TestNetns.kill(l);
            } finally {
                publisher.unpublish("x" + tag);
                nl.deleteLinkIfPresent(uplink);
                for (Endpoint e : endpoints) {
                    nets.detach(e);
                }
                nets.remove(net);
                fw.clear();
            }
        }
        assertFalse(Files.exists(Path.of("/sys/class/net", uplink)));
        assertFalse(Files.exists(Path.of("/sys/class/net", net.bridge())));
    }

    @Test
    void udpPublishedPortFromLoopback() throws Exception {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: creates bridges, veths and nft rules");
        Assumptions.assumeTrue(Files.isExecutable(BridgeNetworksRootTest.shim()), "needs the shim built");
        Assumptions.assumeTrue(BridgeNetworksRootTest.nftTableAbsent(), "an inet jcompose table exists already");
        BridgeSpec net = BridgeSpec.of("ff" + tag + "000000000", Map.of(),
                List.of(new BridgeSpec.Subnet("10.97.38.0/24", "10.97.38.1")), false);
        NftFirewall fw = new NftFirewall();
        List<Endpoint> endpoints = new ArrayList<>();
        try (RtNetlink nl = RtNetlink.open(); TestNetns dns = TestNetns.start(); PortPublisher publisher = new PortPublisher()) {
            BridgeNetworks nets = new BridgeNetworks(nl, fw, new Netconf(BridgeNetworksRootTest.shim()), Path.of("/proc/sys"));
            try {
                nets.create(net);
                endpoints.add(nets.attach(net, dns.pid(), "u" + tag, List.of("10.97.38.2/24"), Optional.empty(), 0));
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Process echo = dns.spawn(java, "-cp", System.getProperty("java.class.path"),
                        dev.jcompose.engine.net.testutil.UdpEcho.class.getName(), "5300");
                String ready = new java.io.BufferedReader(new java.io.InputStreamReader(echo.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                assertEquals("ready", ready);
                PublishedPort p = publisher.publish("u" + tag, PortBinding.of("udp", "127.0.0.1", 0, "10.97.38.2", 5300));
                try (java.net.DatagramSocket client = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    client.setSoTimeout(5000);
                    byte[] m = "ping".getBytes(StandardCharsets.UTF_8);
                    client.send(new java.net.DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), p.hostPort()));
                    java.net.DatagramPacket r = new java.net.DatagramPacket(new byte[100], 100);
                    client.receive(r);
                    assertEquals("echo:ping", new String(r.getData(), 0, r.getLength(), StandardCharsets.UTF_8));
                }
                TestNetns.kill(echo);
            } finally {
                publisher.unpublish("u" + tag);
                for (Endpoint e : endpoints) {
                    nets.detach(e);
                }
                nets.remove(net);
                fw.clear();
            }
        }
        assertFalse(Files.exists(Path.of("/sys/class/net", net.bridge())));
    }
}
