package dev.jcompose.engine.network;

import dev.jcompose.engine.ipam.Assignment;
import dev.jcompose.engine.net.bridge.ContainerInterface;
import dev.jcompose.engine.net.bridge.VethAttacher;
import dev.jcompose.engine.net.netlink.MacAddress;
import dev.jcompose.engine.net.netlink.NetlinkException;
import dev.jcompose.engine.net.netlink.RtNetlink;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel side of bridge networks, in process over rtnetlink ({@code engine.net}): a Linux
 * bridge per network with its gateway addresses, and a veth pair per container attachment with the
 * container's addresses, MAC and default routes inside its netns ({@link VethAttacher}; no process
 * is spawned). Each call opens its own netlink socket (tens of microseconds), so the driver holds
 * nothing to close.
 */
public final class BridgeDriver {
    private static final int EEXIST = 17;

    /** What one attachment puts into the container: addresses from the IPAM, link-local ones, the MAC (null: derived). */
    public record Attachment(String hostIf, String ifname, Assignment address, List<String> linkLocalIps, String mac,
                             boolean defaultRoute) {
        public Attachment {
            linkLocalIps = linkLocalIps == null ? List.of() : List.copyOf(linkLocalIps);
        }
    }

    /** {@code jc-<first 12 hex of the network ID>}: short enough for IFNAMSIZ, unique per network. */
    public static String bridgeName(NetworkRecord n) {
        String custom = n.options().get("com.docker.network.bridge.name");
        return custom != null ? custom : "jc-" + n.id().substring(0, 12);
    }

    /** Makes the bridge with its gateway addresses unless it is there already (then no netlink at all: a container start stays cheap). */
    public void ensureBridge(NetworkRecord n) throws IOException {
        String name = bridgeName(n);
        if (Files.isDirectory(Path.of("/sys/class/net", name, "bridge"))) {
            return;
        }
        try (RtNetlink nl = RtNetlink.open()) {
            try {
                nl.createBridge(name, mtu(n), Optional.empty());
            } catch (NetlinkException e) {
                if (e.errno() != EEXIST) {
                    throw new IOException("network bridge " + name + ": " + e.getMessage(), e);
                }
            }
            for (NetworkRecord.Pool p : n.ipam().config()) {
                try {
                    nl.addAddress(name, InetAddress.getByName(p.gateway()), prefix(p.subnet()));
                } catch (NetlinkException e) {
                    if (e.errno() != EEXIST) {
                        throw new IOException("network bridge " + name + ": " + e.getMessage(), e);
                    }
                }
            }
            nl.setUp(name, true);
        }
    }

    /**
     * Connects container init {@code pid} to {@code n}; returns the MAC its interface got (the one
     * asked for, else Docker's 02:42 followed by the IPv4 address, so a container recreated with its
     * kept address keeps its MAC and neighbours' ARP caches stay right).
     */
    public String attach(long pid, NetworkRecord n, Attachment a) throws IOException {
        MacAddress mac = a.mac() != null && !a.mac().isEmpty() ? MacAddress.parse(a.mac()) : derivedMac(a.address().ipv4());
        List<String> addresses = new ArrayList<>();
        List<String> gateways = new ArrayList<>();
        if (a.address().ipv4() != null) {
            addresses.add(a.address().ipv4() + "/" + a.address().ipv4Prefix());
            if (a.defaultRoute() && !n.internal() && a.address().gateway4() != null) {
                gateways.add(a.address().gateway4());
            }
        }
        if (a.address().ipv6() != null) {
            addresses.add(a.address().ipv6() + "/" + a.address().ipv6Prefix());
            if (a.defaultRoute() && !n.internal() && a.address().gateway6() != null) {
                gateways.add(a.address().gateway6());
            }
        }
        for (String ll : a.linkLocalIps()) {
            addresses.add(linkLocalCidr(ll));
        }
        try (RtNetlink nl = RtNetlink.open()) {
            new VethAttacher(nl).attach(pid, new ContainerInterface(bridgeName(n), a.hostIf(), a.ifname(), mtu(n), mac, addresses,
                    gateways));
        } catch (NetlinkException e) {
            throw new IOException("network " + n.name() + ": connect " + a.ifname() + ": " + e.getMessage(), e);
        }
        return mac.toString();
    }

    public void deleteBridge(NetworkRecord n) throws IOException {
        deleteLink(bridgeName(n));
    }

    /** Deletes a link by name (nothing when it is gone); deleting a veth's host side deletes its peer in the container too. */
    public void deleteLink(String name) throws IOException {
        try (RtNetlink nl = RtNetlink.open()) {
            nl.deleteLinkIfPresent(name);
        }
    }

    /** Docker's MAC for an address: 02:42 and the four IPv4 bytes (a random local one without IPv4). */
    static MacAddress derivedMac(String ipv4) throws IOException {
        byte[] mac = new byte[6];
        if (ipv4 != null && InetAddress.getByName(ipv4) instanceof Inet4Address v4) {
            mac[0] = 0x02;
            mac[1] = 0x42;
            System.arraycopy(v4.getAddress(), 0, mac, 2, 4);
        } else {
            new java.security.SecureRandom().nextBytes(mac);
            mac[0] = (byte) ((mac[0] & 0xfe) | 0x02); // unicast, locally administered
        }
        return new MacAddress(mac);
    }

    /**
     * A link-local IP as it goes on the interface, with Docker's masks: {@code /16} for IPv4,
     * {@code /64} for IPv6. Only literals are taken (a name is never looked up).
     */
    static String linkLocalCidr(String ip) throws IOException {
        boolean literal = ip != null && (ip.contains(":") ? ip.matches("[0-9A-Fa-f:.]+")
                : ip.matches("\\d{1,3}(\\.\\d{1,3}){3}") && java.util.Arrays.stream(ip.split("\\.")).allMatch(o -> Integer.parseInt(o) < 256));
        if (!literal) {
            throw new IOException("invalid link-local IP address: " + ip);
        }
        try {
            InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IOException("invalid link-local IP address: " + ip, e);
        }
        return ip + (ip.contains(":") ? "/64" : "/16");
    }

    /** Whether {@code mac} is the one {@link #attach} derives from {@code ipv4} (so it was not asked for: a stopped container forgets it). */
    public static boolean isDerivedMac(String mac, String ipv4) {
        if (mac == null || mac.isEmpty() || ipv4 == null || ipv4.isEmpty()) {
            return false;
        }
        try {
            return mac.equalsIgnoreCase(derivedMac(ipv4).toString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    private static int mtu(NetworkRecord n) {
        String v = n.options().get("com.docker.network.driver.mtu");
        return v == null ? 1500 : Integer.parseInt(v);
    }
}
