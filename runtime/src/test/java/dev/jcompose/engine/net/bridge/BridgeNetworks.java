package dev.jcompose.engine.net.bridge;

import dev.jcompose.engine.net.firewall.Firewall;
import dev.jcompose.engine.net.firewall.FirewallNetwork;
import dev.jcompose.engine.net.netlink.LinkInfo;
import dev.jcompose.engine.net.netlink.MacAddress;
import dev.jcompose.engine.net.netlink.NetlinkException;
import dev.jcompose.engine.net.netlink.NetnsRef;
import dev.jcompose.engine.net.netlink.RtNetlink;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Test fixture (it was the engine's first networking path, replaced by
 * {@code engine.network.BridgeDriver} + {@link VethAttacher}): bridge networks on the host, the
 * bridge with its gateway addresses, forwarding, firewall rules; veth pairs into containers'
 * netns, configured inside by {@link Netconf} ({@code jcompose-shim netconf}). Creating what exists
 * already repairs it (the engine re-creates after a crash); removing what is gone does nothing.
 */
public final class BridgeNetworks {
    private static final int EEXIST = 17;
    private final RtNetlink nl;
    private final Firewall firewall;
    private final Netconf netconf;
    private final Path procSys;

    public BridgeNetworks(RtNetlink nl, Firewall firewall, Netconf netconf, Path procSys) {
        this.nl = nl;
        this.firewall = firewall;
        this.netconf = netconf;
        this.procSys = procSys;
    }

    /** Bridge up with its gateway addresses, forwarding on, firewall rules in place. */
    public void create(BridgeSpec net) throws IOException {
        if (nl.link(net.bridge()).isEmpty()) {
            try {
                nl.createBridge(net.bridge(), net.mtu(), Optional.empty());
            } catch (NetlinkException e) {
                if (e.errno() != EEXIST) {
                    throw e;
                }
            }
        }
        for (BridgeSpec.Subnet s : net.subnets()) {
            try {
                nl.addAddress(net.bridge(), InetAddress.getByName(s.gateway()), s.prefix());
            } catch (NetlinkException e) {
                if (e.errno() != EEXIST) {
                    throw e;
                }
            }
        }
        nl.setUp(net.bridge(), true);
        writeSysctl("net/ipv4/ip_forward");
        if (net.ipv6()) {
            writeSysctl("net/ipv6/conf/all/forwarding");
        }
        firewall.addNetwork(new FirewallNetwork(net.bridge(), net.subnets().stream().map(BridgeSpec.Subnet::cidr).toList(),
                net.internal()));
    }

    /** Removes the bridge (its veths go with their containers) and the network's rules. */
    public void remove(BridgeSpec net) throws IOException {
        firewall.removeNetwork(net.bridge());
        nl.deleteLinkIfPresent(net.bridge());
    }

    /**
     * Connects the container whose init is {@code pid}: a veth {@code veth<7 hex>} on the bridge, its
     * peer moved straight into {@code /proc/PID/ns/net} and configured there as {@code eth<ifIndex>}
     * with the addresses (CIDR), MAC, MTU and — unless the network is internal — the default route.
     */
    public Endpoint attach(BridgeSpec net, int pid, String containerId, List<String> addresses, Optional<String> mac,
            int ifIndex) throws IOException {
        String tag = shortHash(containerId + "/" + net.networkId());
        String hostVeth = "veth" + tag;
        String peer = "jcp" + tag;
        String ifname = "eth" + ifIndex;
        nl.deleteLinkIfPresent(hostVeth); // a leftover from before a crash
        nl.createVeth(hostVeth, peer, net.mtu(), NetnsRef.pid(pid), Optional.empty());
        Endpoint ep = new Endpoint(pid, net.bridge(), hostVeth, ifname, addresses, mac);
        try {
            nl.setMaster(hostVeth, net.bridge());
            nl.setUp(hostVeth, true);
            List<String> gateways = new ArrayList<>();
            if (!net.internal()) {
                for (BridgeSpec.Subnet s : net.subnets()) {
                    boolean family6 = s.ipv6();
                    if (addresses.stream().anyMatch(a -> a.contains(":") == family6)
                            && gateways.stream().noneMatch(g -> g.contains(":") == family6)) {
                        gateways.add(s.gateway());
                    }
                }
            }
            mac.ifPresent(MacAddress::parse);
            netconf.apply(pid, new NetconfSpec(peer, Optional.of(ifname), mac, net.mtu(), addresses, gateways, List.of(),
                    false));
        } catch (IOException | RuntimeException e) {
            nl.deleteLinkIfPresent(hostVeth);
            throw e;
        }
        return ep;
    }

    /** Disconnects: deleting the host end removes the pair, also when the container is gone. */
    public void detach(Endpoint ep) throws IOException {
        nl.deleteLinkIfPresent(ep.hostVeth());
    }

    /** The veths currently enslaved to the network's bridge. */
    public List<String> ports(BridgeSpec net) throws IOException {
        Optional<LinkInfo> br = nl.link(net.bridge());
        if (br.isEmpty()) {
            return List.of();
        }
        int idx = br.get().index();
        return nl.links().stream().filter(l -> l.master() == idx).map(LinkInfo::name).toList();
    }

    private void writeSysctl(String key) throws IOException {
        Path p = procSys.resolve(key);
        if (!Files.readString(p).strip().equals("1")) {
            Files.writeString(p, "1\n");
        }
    }

    static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 7);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
