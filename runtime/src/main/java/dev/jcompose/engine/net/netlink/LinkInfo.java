package dev.jcompose.engine.net.netlink;

import java.util.Optional;

/** A network interface as RTM_NEWLINK reports it; {@code master} is 0 when it has none. */
public record LinkInfo(int index, String name, int mtu, int flags, Optional<MacAddress> mac, int master,
        Optional<String> kind) {

    public boolean up() {
        return (flags & Rtnl.IFF_UP) != 0;
    }
}
