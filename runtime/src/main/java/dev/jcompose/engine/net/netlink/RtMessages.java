package dev.jcompose.engine.net.netlink;

import static dev.jcompose.engine.net.netlink.Rtnl.*;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/** Pure builders of the rtnetlink requests {@link RtNetlink} sends; golden-tested byte for byte. */
public final class RtMessages {
    private static final int ACK = NLM_F_REQUEST | NLM_F_ACK;
    private static final int CREATE = ACK | NLM_F_CREATE | NLM_F_EXCL;

    private RtMessages() {
    }

    public static byte[] dumpLinks(int seq) {
        return new NlMessageBuilder(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, seq)
                .ifinfomsg(AF_UNSPEC, 0, 0, 0).build();
    }

    public static byte[] getLink(int seq, String name) {
        return new NlMessageBuilder(RTM_GETLINK, ACK, seq).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .attrString(IFLA_IFNAME, name).build();
    }

    public static byte[] newBridge(int seq, String name, int mtu, Optional<MacAddress> mac) {
        NlMessageBuilder b = new NlMessageBuilder(RTM_NEWLINK, CREATE, seq).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .attrString(IFLA_IFNAME, name);
        if (mtu > 0) {
            b.attrU32(IFLA_MTU, mtu);
        }
        mac.ifPresent(m -> b.attr(IFLA_ADDRESS, m.bytes()));
        return b.beginNest(IFLA_LINKINFO).attrString(IFLA_INFO_KIND, "bridge").endNest().build();
    }

    /**
     * A veth pair: {@code hostName} here, {@code peerName} created directly in the target netns
     * ({@code IFLA_NET_NS_PID} or {@code IFLA_NET_NS_FD}) when one is given.
     */
    public static byte[] newVeth(int seq, String hostName, String peerName, int mtu, NetnsRef peerNetns,
            Optional<MacAddress> peerMac) {
        NlMessageBuilder b = new NlMessageBuilder(RTM_NEWLINK, CREATE, seq).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .attrString(IFLA_IFNAME, hostName);
        if (mtu > 0) {
            b.attrU32(IFLA_MTU, mtu);
        }
        b.beginNest(IFLA_LINKINFO).attrString(IFLA_INFO_KIND, "veth").beginNest(IFLA_INFO_DATA)
                .beginNest(VETH_INFO_PEER).ifinfomsg(AF_UNSPEC, 0, 0, 0).attrString(IFLA_IFNAME, peerName);
        if (mtu > 0) {
            b.attrU32(IFLA_MTU, mtu);
        }
        peerMac.ifPresent(m -> b.attr(IFLA_ADDRESS, m.bytes()));
        peerNetns.apply(b);
        return b.endNest().endNest().endNest().build();
    }

    /**
     * A veth pair in one request: {@code hostName} here, up and enslaved to {@code masterIndex};
     * {@code peerName} created directly in the target netns with its MAC, still down (the kernel
     * configures the peer before the pair is linked, so bringing it up here fails with ENOTCONN).
     */
    public static byte[] newVethOnBridge(int seq, String hostName, int mtu, int masterIndex, String peerName,
            NetnsRef peerNetns, Optional<MacAddress> peerMac) {
        NlMessageBuilder b = new NlMessageBuilder(RTM_NEWLINK, CREATE, seq).ifinfomsg(AF_UNSPEC, 0, IFF_UP, IFF_UP)
                .attrString(IFLA_IFNAME, hostName);
        if (mtu > 0) {
            b.attrU32(IFLA_MTU, mtu);
        }
        b.attrU32(IFLA_MASTER, masterIndex);
        b.beginNest(IFLA_LINKINFO).attrString(IFLA_INFO_KIND, "veth").beginNest(IFLA_INFO_DATA)
                .beginNest(VETH_INFO_PEER).ifinfomsg(AF_UNSPEC, 0, 0, 0).attrString(IFLA_IFNAME, peerName);
        if (mtu > 0) {
            b.attrU32(IFLA_MTU, mtu);
        }
        peerMac.ifPresent(m -> b.attr(IFLA_ADDRESS, m.bytes()));
        peerNetns.apply(b);
        return b.endNest().endNest().endNest().build();
    }

    public static byte[] setMaster(int seq, int index, int masterIndex) {
        return new NlMessageBuilder(RTM_NEWLINK, ACK, seq).ifinfomsg(AF_UNSPEC, index, 0, 0)
                .attrU32(IFLA_MASTER, masterIndex).build();
    }

    public static byte[] setUp(int seq, int index, boolean up) {
        return new NlMessageBuilder(RTM_NEWLINK, ACK, seq).ifinfomsg(AF_UNSPEC, index, up ? IFF_UP : 0, IFF_UP)
                .build();
    }

    public static byte[] deleteLink(int seq, int index) {
        return new NlMessageBuilder(RTM_DELLINK, ACK, seq).ifinfomsg(AF_UNSPEC, index, 0, 0).build();
    }

    public static byte[] address(int seq, boolean add, int index, InetAddress addr, int prefixLen) {
        int family = addr instanceof Inet4Address ? AF_INET : AF_INET6;
        int flags = add ? CREATE : ACK;
        NlMessageBuilder b = new NlMessageBuilder(add ? RTM_NEWADDR : RTM_DELADDR, flags, seq)
                .ifaddrmsg(family, prefixLen, RT_SCOPE_UNIVERSE, index)
                .attr(IFA_LOCAL, addr.getAddress()).attr(IFA_ADDRESS, addr.getAddress());
        if (add && family == AF_INET6) {
            b.attrU32(IFA_FLAGS, IFA_F_NODAD); // a gateway must answer at once, not after duplicate detection
        }
        return b.build();
    }

    /** A unicast route in the main table; no gateway means on-link; prefix 0 is the default route. */
    public static byte[] newRoute(int seq, InetAddress dst, int prefixLen, Optional<InetAddress> gateway, int oif) {
        int family = dst instanceof Inet4Address ? AF_INET : AF_INET6;
        int scope = gateway.isPresent() ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
        NlMessageBuilder b = new NlMessageBuilder(RTM_NEWROUTE, CREATE, seq)
                .rtmsg(family, prefixLen, RT_TABLE_MAIN, RTPROT_BOOT, scope, RTN_UNICAST);
        if (prefixLen > 0) {
            b.attr(RTA_DST, dst.getAddress());
        }
        gateway.ifPresent(g -> b.attr(RTA_GATEWAY, g.getAddress()));
        if (oif > 0) {
            b.attrU32(RTA_OIF, oif);
        }
        return b.build();
    }
}
