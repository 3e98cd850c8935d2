package dev.jcompose.engine.net.bridge;

import dev.jcompose.engine.net.netlink.NetlinkException;
import dev.jcompose.engine.net.netlink.NetnsRef;
import dev.jcompose.engine.net.netlink.NetnsSockets;
import dev.jcompose.engine.net.netlink.RtNetlink;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Puts a {@link ContainerInterface} into a running container's netns, in process, over rtnetlink:
 * one request makes the veth pair with the host end up on the bridge and the container end created
 * directly in the netns under its final name, with its MAC and MTU; then, on a socket opened inside
 * the netns ({@link NetnsSockets}, no process spawned), the loopback and the interface up, the
 * addresses and the default routes. Seven round trips to the kernel for one address and route. On failure the pair is deleted (which
 * takes the container end with it), so nothing is left half made.
 */
public final class VethAttacher {
    private static final int LOOPBACK_INDEX = 1; // LOOPBACK_IFINDEX: lo is index 1 in every netns
    private static final int EEXIST = 17;
    private final RtNetlink host;

    /** @param host a netlink handle in the engine's own netns (where the bridges are) */
    public VethAttacher(RtNetlink host) {
        this.host = host;
    }

    public void attach(long pid, ContainerInterface ci) throws IOException {
        int master = host.index(ci.bridge());
        host.createVethOnBridge(ci.hostVeth(), ci.mtu(), master, ci.ifname(), NetnsRef.pid(Math.toIntExact(pid)),
                Optional.of(ci.mac()));
        try (RtNetlink inside = new RtNetlink(NetnsSockets.openInPid(pid))) {
            inside.setUp(LOOPBACK_INDEX, true);
            int index = inside.index(ci.ifname());
            inside.setUp(index, true);
            for (String cidr : ci.addresses()) {
                int slash = cidr.indexOf('/');
                InetAddress a = InetAddress.getByName(cidr.substring(0, slash));
                try {
                    inside.addAddress(index, ci.ifname(), a, Integer.parseInt(cidr.substring(slash + 1)));
                } catch (NetlinkException e) {
                    if (e.errno() != EEXIST) {
                        throw e;
                    }
                }
            }
            for (String gw : ci.gateways()) {
                inside.addDefaultRoute(InetAddress.getByName(gw), index, ci.ifname());
            }
        } catch (IOException | RuntimeException e) {
            try {
                host.deleteLinkIfPresent(ci.hostVeth());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
