package dev.jcompose.engine.net.netlink;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Link, address and route operations on the engine's own network namespace over rtnetlink. Links
 * are named; each operation resolves the name to an index first. Errors name the operation, the
 * link and the errno: {@code add address 10.1.0.1/24 on jc-0123: File exists (EEXIST)}.
 */
public final class RtNetlink implements AutoCloseable {
    private static final int ENODEV = 19;
    private final NetlinkSocket sock;

    public RtNetlink(NetlinkSocket sock) {
        this.sock = sock;
    }

    public static RtNetlink open() throws IOException {
        return new RtNetlink(NetlinkSocket.open());
    }

    public List<LinkInfo> links() throws IOException {
        List<LinkInfo> out = new ArrayList<>();
        for (NlMessage m : sock.dump(RtMessages.dumpLinks(sock.nextSeq()), "list links")) {
            if (m.type() == Rtnl.RTM_NEWLINK) {
                out.add(parseLink(m));
            }
        }
        return out;
    }

    public Optional<LinkInfo> link(String name) throws IOException {
        try {
            List<NlMessage> r = sock.request(RtMessages.getLink(sock.nextSeq(), name), "get link " + name);
            return r.stream().filter(m -> m.type() == Rtnl.RTM_NEWLINK).findFirst().map(RtNetlink::parseLink);
        } catch (NetlinkException e) {
            if (e.errno() == ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void createBridge(String name, int mtu, Optional<MacAddress> mac) throws IOException {
        sock.request(RtMessages.newBridge(sock.nextSeq(), name, mtu, mac), "create bridge " + name);
    }

    public void createVeth(String hostName, String peerName, int mtu, NetnsRef peerNetns, Optional<MacAddress> peerMac)
            throws IOException {
        sock.request(RtMessages.newVeth(sock.nextSeq(), hostName, peerName, mtu, peerNetns, peerMac),
                "create veth " + hostName + " (peer " + peerName + ")");
    }

    /** {@link RtMessages#newVethOnBridge}: the pair made, the host end up on the bridge, the peer (down) in its netns. */
    public void createVethOnBridge(String hostName, int mtu, int masterIndex, String peerName, NetnsRef peerNetns,
            Optional<MacAddress> peerMac) throws IOException {
        sock.request(RtMessages.newVethOnBridge(sock.nextSeq(), hostName, mtu, masterIndex, peerName, peerNetns, peerMac),
                "create veth " + hostName + " (peer " + peerName + ")");
    }

    public void setMaster(String name, String master) throws IOException {
        int idx = index(name);
        sock.request(RtMessages.setMaster(sock.nextSeq(), idx, index(master)), "set master " + master + " of " + name);
    }

    public void setUp(String name, boolean up) throws IOException {
        sock.request(RtMessages.setUp(sock.nextSeq(), index(name), up), "set " + (up ? "up " : "down ") + name);
    }

    /** Up or down by index (the loopback is index 1 in every netns). */
    public void setUp(int index, boolean up) throws IOException {
        sock.request(RtMessages.setUp(sock.nextSeq(), index, up), "set " + (up ? "up" : "down") + " link " + index);
    }

    public void deleteLink(String name) throws IOException {
        sock.request(RtMessages.deleteLink(sock.nextSeq(), index(name)), "delete link " + name);
    }

    /** Deletes the link if it exists; returns whether it did. */
    public boolean deleteLinkIfPresent(String name) throws IOException {
        Optional<LinkInfo> l = link(name);
        if (l.isEmpty()) {
            return false;
        }
        try {
            sock.request(RtMessages.deleteLink(sock.nextSeq(), l.get().index()), "delete link " + name);
        } catch (NetlinkException e) {
            if (e.errno() != ENODEV) {
                throw e;
            }
        }
        return true;
    }

    public void addAddress(String name, InetAddress addr, int prefixLen) throws IOException {
        sock.request(RtMessages.address(sock.nextSeq(), true, index(name), addr, prefixLen),
                "add address " + addr.getHostAddress() + "/" + prefixLen + " on " + name);
    }

    /** Adds an address to the link with {@code index} (named {@code name} in the error). */
    public void addAddress(int index, String name, InetAddress addr, int prefixLen) throws IOException {
        sock.request(RtMessages.address(sock.nextSeq(), true, index, addr, prefixLen),
                "add address " + addr.getHostAddress() + "/" + prefixLen + " on " + name);
    }

    /** A default route via {@code gateway} (IPv4 or IPv6) out of the link with {@code index}. */
    public void addDefaultRoute(InetAddress gateway, int index, String name) throws IOException {
        InetAddress any = InetAddress.getByAddress(new byte[gateway.getAddress().length]);
        sock.request(RtMessages.newRoute(sock.nextSeq(), any, 0, Optional.of(gateway), index),
                "add default route via " + gateway.getHostAddress() + " dev " + name);
    }

    public void deleteAddress(String name, InetAddress addr, int prefixLen) throws IOException {
        sock.request(RtMessages.address(sock.nextSeq(), false, index(name), addr, prefixLen),
                "delete address " + addr.getHostAddress() + "/" + prefixLen + " on " + name);
    }

    public void addRoute(InetAddress dst, int prefixLen, Optional<InetAddress> gateway, String dev) throws IOException {
        sock.request(RtMessages.newRoute(sock.nextSeq(), dst, prefixLen, gateway, index(dev)),
                "add route " + dst.getHostAddress() + "/" + prefixLen + " dev " + dev);
    }

    public int index(String name) throws IOException {
        return link(name).orElseThrow(() -> new NetlinkException("find link " + name, ENODEV)).index();
    }

    static LinkInfo parseLink(NlMessage m) {
        ByteBuffer b = m.payloadBuffer();
        int index = b.getInt(4);
        int flags = b.getInt(8);
        NlAttrs a = m.attrs(Rtnl.IFINFOMSG_LEN);
        Optional<MacAddress> mac = a.get(Rtnl.IFLA_ADDRESS).filter(v -> v.length == 6).map(MacAddress::new);
        Optional<String> kind = a.nested(Rtnl.IFLA_LINKINFO).string(Rtnl.IFLA_INFO_KIND);
        return new LinkInfo(index, a.string(Rtnl.IFLA_IFNAME).orElse(""), a.u32(Rtnl.IFLA_MTU).orElse(0), flags, mac,
                a.u32(Rtnl.IFLA_MASTER).orElse(0), kind);
    }

    @Override
    public void close() {
        sock.close();
    }
}
